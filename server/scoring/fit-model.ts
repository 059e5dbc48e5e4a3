// Fits one model: standardise the candidate inputs over the training rows, pick the L2 penalty
// by stratified k-fold cross-validation (lowest mean held-out log-loss; folds drawn with the
// configured seed, so the same data and seed give the same model), then fit on all training rows.
import { seededRng } from '../analytics/rng.js';
import { designMatrix, standardise, type CandidateInput, type InputSpec } from './design.js';
import { fitLogistic, linear, logLoss, type LogisticFit } from './logistic-regression.js';

export interface FittedModel {
  inputs: InputSpec[];
  intercept: number;
  coefficients: number[];
  l2: number;
  /** Mean held-out log-loss per label for each penalty tried (null when too few labels). */
  crossValidation: { l2: number; logLoss: number }[] | null;
  dropped: string[];
  converged: boolean;
}

export interface FitOptions {
  l2Grid: readonly number[];
  folds: number;
  seed: number;
}

/** Stratified fold of each row (positives and negatives dealt round-robin after a shuffle). */
export function stratifiedFolds(labels: Uint8Array, folds: number, seed: number): Uint8Array {
  const rng = seededRng(`folds-${seed}`);
  const fold = new Uint8Array(labels.length);
  for (const cls of [0, 1]) {
    const rows: number[] = [];
    labels.forEach((l, i) => l === cls && rows.push(i));
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    rows.forEach((row, k) => (fold[row] = k % folds));
  }
  return fold;
}

export function fitModel(
  candidates: readonly CandidateInput[],
  rows: readonly number[],
  labels: Uint8Array,
  options: FitOptions,
): FittedModel {
  const { specs, dropped } = standardise(candidates, rows);
  const raw = new Map(candidates.map((c) => [c.name, c.raw]));
  const column = (name: string) => raw.get(name)!;
  const x = designMatrix(specs, column, rows);
  const d = specs.length;
  let positives = 0;
  for (const l of labels) positives += l;
  const negatives = labels.length - positives;
  const folds = Math.min(options.folds, positives, negatives);

  let crossValidation: FittedModel['crossValidation'] = null;
  let l2 = options.l2Grid.includes(1) ? 1 : options.l2Grid[0]!;
  if (folds >= 2 && options.l2Grid.length > 1) {
    const fold = stratifiedFolds(labels, folds, options.seed);
    crossValidation = options.l2Grid.map((penalty) => {
      let loss = 0;
      for (let f = 0; f < folds; f++) {
        const trainRows: number[] = [];
        const testRows: number[] = [];
        for (let i = 0; i < labels.length; i++) (fold[i] === f ? testRows : trainRows).push(i);
        const fit = fitLogistic(pick(x, d, trainRows), pickLabels(labels, trainRows), {
          l2: penalty,
        });
        const xt = pick(x, d, testRows);
        testRows.forEach((row, i) => (loss += logLoss(linear(fit, xt, i), labels[row]!)));
      }
      return { l2: penalty, logLoss: loss / labels.length };
    });
    l2 = crossValidation.reduce((best, c) => (c.logLoss < best.logLoss ? c : best)).l2;
  }
  const fit: LogisticFit = fitLogistic(x, labels, { l2 });
  return {
    inputs: specs,
    intercept: fit.intercept,
    coefficients: Array.from(fit.coefficients),
    l2,
    crossValidation,
    dropped,
    converged: fit.converged,
  };
}

function pick(x: Float64Array, d: number, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length * d);
  rows.forEach((r, i) => out.set(x.subarray(r * d, r * d + d), i * d));
  return out;
}

function pickLabels(labels: Uint8Array, rows: readonly number[]): Uint8Array {
  return Uint8Array.from(rows, (r) => labels[r]!);
}
