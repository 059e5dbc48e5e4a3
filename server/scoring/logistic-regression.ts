// L2-regularised logistic regression fitted by Newton–Raphson (iteratively reweighted least
// squares), on inputs the caller has already standardised (design.ts):
//
//   minimise  −Σᵢ sᵢ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)] + (λ/2) Σⱼ cⱼ βⱼ²,   pᵢ = σ(β₀ + Σⱼ βⱼ xᵢⱼ)
//
// with sample weights sᵢ (default 1: a weight of 2 is the same as the row twice) and per-input
// penalty factors cⱼ (default 1, as glmnet's penalty.factor; 0 leaves βⱼ unpenalised); the
// intercept β₀ is not penalised. Each step solves (XᵀSWX + λC) δ = XᵀS(y − p) − λCβ with a
// Cholesky factorisation from ml-matrix. Written here rather than taken from
// ml-logistic-regression, which fits by fixed-rate gradient descent with no penalty and no
// convergence test: explainability needs coefficients that converge to the same values on the
// same data, and a penalty keeps them finite when a rule separates the labels perfectly.
import { CholeskyDecomposition, Matrix } from 'ml-matrix';

export interface LogisticFit {
  intercept: number;
  coefficients: Float64Array;
  iterations: number;
  converged: boolean;
  /** Penalised negative log-likelihood at the solution. */
  loss: number;
}

export interface LogisticOptions {
  l2: number;
  /** Sample weight of each row (≥ 0; default 1 each). */
  weights?: ArrayLike<number> | undefined;
  /** Multiplies l2 for each coefficient (not the intercept); default 1 each. */
  penaltyFactors?: ArrayLike<number> | undefined;
  maxIterations?: number;
  /** Stop when the largest coefficient change is below this (default 1e-8). */
  tolerance?: number;
}

export const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

export const logit = (p: number): number => Math.log(p / (1 - p));

/** Linear predictor β₀ + Σ βⱼ xⱼ of row i of a row-major design (n × d). */
export function linear(
  fit: Pick<LogisticFit, 'intercept' | 'coefficients'>,
  x: Float64Array,
  row: number,
): number {
  const d = fit.coefficients.length;
  let z = fit.intercept;
  for (let j = 0; j < d; j++) z += fit.coefficients[j]! * x[row * d + j]!;
  return z;
}

/**
 * Fits on a row-major design `x` (n rows × d columns, standardised) and 0/1 labels `y`.
 * Deterministic: the same inputs give the same coefficients bit for bit.
 */
export function fitLogistic(x: Float64Array, y: Uint8Array, options: LogisticOptions): LogisticFit {
  const n = y.length;
  const d = n === 0 ? 0 : x.length / n;
  if (!Number.isInteger(d)) throw new Error('scoring: design size does not match the labels');
  const k = d + 1; // parameters: intercept first
  const beta = new Float64Array(k);
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-8;
  const lambda = options.l2;
  const weight = sampleWeights(options.weights, n);
  const penalty = penaltyFactors(options.penaltyFactors, d);
  let positives = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    positives += weight[i]! * y[i]!;
    total += weight[i]!;
  }
  // Start at the (weighted) base rate: the intercept-only solution.
  const base = Math.min(Math.max(positives / Math.max(total, 1e-12), 1e-6), 1 - 1e-6);
  beta[0] = logit(base);

  const objective = (b: Float64Array) =>
    penalisedLoss({ intercept: b[0]!, coefficients: b.subarray(1) }, x, y, lambda, options);
  let current = objective(beta);
  let iterations = 0;
  let converged = false;
  const hessian = new Float64Array(k * k);
  const gradient = new Float64Array(k);
  for (; iterations < maxIterations; iterations++) {
    hessian.fill(0);
    gradient.fill(0);
    for (let i = 0; i < n; i++) {
      const s = weight[i]!;
      if (s === 0) continue;
      let z = beta[0];
      const offset = i * d;
      for (let j = 0; j < d; j++) z += beta[j + 1]! * x[offset + j]!;
      const p = sigmoid(z);
      const w = s * Math.max(p * (1 - p), 1e-12);
      const r = s * (y[i]! - p);
      gradient[0] = gradient[0]! + r;
      hessian[0] = hessian[0]! + w;
      for (let a = 0; a < d; a++) {
        const xa = x[offset + a]!;
        gradient[a + 1] = gradient[a + 1]! + r * xa;
        const wxa = w * xa;
        hessian[a + 1] = hessian[a + 1]! + wxa; // row 0, column a+1 (mirrored below)
        const row = (a + 1) * k;
        for (let b = 0; b <= a; b++)
          hessian[row + b + 1] = hessian[row + b + 1]! + wxa * x[offset + b]!;
      }
    }
    for (let a = 1; a < k; a++) {
      const l = lambda * penalty[a - 1]!;
      gradient[a] = gradient[a]! - l * beta[a]!;
      hessian[a * k + a] = hessian[a * k + a]! + l;
      hessian[a * k] = hessian[a]!;
      for (let b = 1; b < a; b++) hessian[b * k + a] = hessian[a * k + b]!;
    }
    const h = new Matrix(k, k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) h.set(a, b, hessian[a * k + b]!);
    const cholesky = new CholeskyDecomposition(h);
    const g = Matrix.columnVector(Array.from(gradient));
    const step = cholesky.isPositiveDefinite()
      ? cholesky.solve(g)
      : // Only without a penalty on a degenerate design: fall back to a small gradient step.
        g.mul(1e-3);
    // Step halving (damped Newton): a full step can overshoot where the labels are nearly
    // separable and the penalty small, and then Newton swings further out at every iteration
    // instead of converging. Halve it until the objective does not go up.
    const from = beta.slice();
    let scale = 1;
    for (let halvings = 0; ; halvings++) {
      for (let a = 0; a < k; a++) beta[a] = from[a]! + scale * step.get(a, 0);
      const next = objective(beta);
      if (next <= current + 1e-12 * Math.abs(current) || halvings === 30) {
        current = next;
        break;
      }
      scale /= 2;
    }
    let largest = 0;
    for (let a = 0; a < k; a++) largest = Math.max(largest, Math.abs(beta[a]! - from[a]!));
    if (largest < tolerance) {
      converged = true;
      iterations++;
      break;
    }
  }
  const fit = { intercept: beta[0], coefficients: beta.slice(1), iterations, converged, loss: 0 };
  fit.loss = penalisedLoss(fit, x, y, lambda, options);
  return fit;
}

function sampleWeights(weights: ArrayLike<number> | undefined, n: number): Float64Array {
  if (weights === undefined) return new Float64Array(n).fill(1);
  if (weights.length !== n) throw new Error('scoring: one sample weight per label is needed');
  const out = Float64Array.from(weights);
  for (const w of out) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error('scoring: sample weights must be ≥ 0');
  }
  return out;
}

function penaltyFactors(factors: ArrayLike<number> | undefined, d: number): Float64Array {
  if (factors === undefined) return new Float64Array(d).fill(1);
  if (factors.length !== d) throw new Error('scoring: one penalty factor per input is needed');
  return Float64Array.from(factors);
}

/** The objective at `fit`: weighted negative log-likelihood plus the (factored) L2 penalty. */
export function penalisedLoss(
  fit: Pick<LogisticFit, 'intercept' | 'coefficients'>,
  x: Float64Array,
  y: Uint8Array,
  lambda: number,
  options: Pick<LogisticOptions, 'weights' | 'penaltyFactors'> = {},
): number {
  const weight = sampleWeights(options.weights, y.length);
  const factor = penaltyFactors(options.penaltyFactors, fit.coefficients.length);
  let loss = 0;
  for (let i = 0; i < y.length; i++) {
    if (weight[i]! > 0) loss += weight[i]! * logLoss(linear(fit, x, i), y[i]!);
  }
  let penalty = 0;
  fit.coefficients.forEach((b, j) => (penalty += factor[j]! * b * b));
  return loss + (lambda / 2) * penalty;
}

/** −log-likelihood of one label under linear predictor z, computed without overflow. */
export function logLoss(z: number, y: number): number {
  // log(1 + e^z) − y z, stable for large |z|
  const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  return softplus - y * z;
}
