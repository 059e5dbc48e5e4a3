// L2-regularised logistic regression fitted by Newton–Raphson (iteratively reweighted least
// squares), on inputs the caller has already standardised (design.ts):
//
//   minimise  −Σᵢ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)] + (λ/2) Σⱼ βⱼ²,   pᵢ = σ(β₀ + Σⱼ βⱼ xᵢⱼ)
//
// (the intercept β₀ is not penalised). Each step solves (XᵀWX + λI′) δ = Xᵀ(y − p) − λβ′ with a
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
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i]!;
  // Start at the base rate: the intercept-only solution.
  const base = Math.min(Math.max(positives / Math.max(n, 1), 1e-6), 1 - 1e-6);
  beta[0] = logit(base);

  let iterations = 0;
  let converged = false;
  const hessian = new Float64Array(k * k);
  const gradient = new Float64Array(k);
  for (; iterations < maxIterations; iterations++) {
    hessian.fill(0);
    gradient.fill(0);
    for (let i = 0; i < n; i++) {
      let z = beta[0];
      const offset = i * d;
      for (let j = 0; j < d; j++) z += beta[j + 1]! * x[offset + j]!;
      const p = sigmoid(z);
      const w = Math.max(p * (1 - p), 1e-12);
      const r = y[i]! - p;
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
      gradient[a] = gradient[a]! - lambda * beta[a]!;
      hessian[a * k + a] = hessian[a * k + a]! + lambda;
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
    let largest = 0;
    for (let a = 0; a < k; a++) {
      const delta = step.get(a, 0);
      beta[a] = beta[a]! + delta;
      largest = Math.max(largest, Math.abs(delta));
    }
    if (largest < tolerance) {
      converged = true;
      iterations++;
      break;
    }
  }
  const fit = { intercept: beta[0], coefficients: beta.slice(1), iterations, converged, loss: 0 };
  fit.loss = penalisedLoss(fit, x, y, lambda);
  return fit;
}

export function penalisedLoss(
  fit: Pick<LogisticFit, 'intercept' | 'coefficients'>,
  x: Float64Array,
  y: Uint8Array,
  lambda: number,
): number {
  let loss = 0;
  for (let i = 0; i < y.length; i++) loss += logLoss(linear(fit, x, i), y[i]!);
  let penalty = 0;
  for (const b of fit.coefficients) penalty += b * b;
  return loss + (lambda / 2) * penalty;
}

/** −log-likelihood of one label under linear predictor z, computed without overflow. */
export function logLoss(z: number, y: number): number {
  // log(1 + e^z) − y z, stable for large |z|
  const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  return softplus - y * z;
}
