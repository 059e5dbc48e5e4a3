// Fits one model: standardise the candidate inputs over the training rows, pick the L2 penalty
// by stratified k-fold cross-validation (lowest mean held-out log-loss; folds drawn with the
// configured seed, so the same data and seed give the same model), then fit on all training rows.
// With labels the model chose (label-treatment.ts): the training-only origin indicator is a last
// design column with its own weak penalty, whose coefficient is returned apart and never becomes
// an input; their sample weight is chosen with the penalty, from a grid, by the same folds — the
// held-out log-loss counted on the other labels only, the population the model is meant for
// (importance-weighted cross-validation, Sugiyama, Krauledat & Müller 2007, with Shimodaira's
// 2000 flattened weights).
import { seededRng } from '../analytics/rng.js';
import { designMatrix, standardise, type CandidateInput, type InputSpec } from './design.js';
import { INDICATOR_L2, noTreatment, type LabelTreatment } from './label-treatment.js';
import { fitLogistic, linear, logLoss, type LogisticFit } from './logistic-regression.js';

export interface FittedModel {
  inputs: InputSpec[];
  intercept: number;
  coefficients: number[];
  l2: number;
  /**
   * Mean held-out log-loss per label for each penalty (and model-chosen weight) tried; null when
   * too few labels.
   */
  crossValidation: { l2: number; logLoss: number; modelChosenWeight?: number }[] | null;
  dropped: string[];
  converged: boolean;
  /** The origin indicator's log-odds shift (training only; null without the indicator). */
  indicatorCoefficient: number | null;
  /** The sample weight model-chosen labels had (null without such labels). */
  modelChosenWeight: number | null;
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
  treatment: LabelTreatment = noTreatment,
): FittedModel {
  const { specs, dropped } = standardise(candidates, rows);
  const raw = new Map(candidates.map((c) => [c.name, c.raw]));
  const column = (name: string) => raw.get(name)!;
  const inputs = designMatrix(specs, column, rows);
  const chosen = treatment.modelChosen;
  const indicator = chosen !== null && treatment.indicator;
  const d = specs.length + (indicator ? 1 : 0);
  const x = indicator ? withColumn(inputs, specs.length, chosen) : inputs;
  const weightGrid = chosen === null ? [1] : treatment.weights;
  /** Options of one fit on `subset` with penalty l2 and weight w for model-chosen rows. */
  const fitOn = (l2: number, w: number, subset: readonly number[]) => ({
    l2,
    weights:
      chosen === null || w === 1
        ? undefined
        : Float64Array.from(subset, (r) => (chosen[r] ? w : 1)),
    penaltyFactors: indicator ? penaltyFactors(specs.length, l2) : undefined,
  });
  const all = Array.from(labels, (_, i) => i);
  let positives = 0;
  for (const l of labels) positives += l;
  const negatives = labels.length - positives;
  const folds = Math.min(options.folds, positives, negatives);

  let crossValidation: FittedModel['crossValidation'] = null;
  let l2 = options.l2Grid.includes(1) ? 1 : options.l2Grid[0]!;
  let weight = weightGrid.includes(1) ? 1 : weightGrid[weightGrid.length - 1]!;
  // The held-out loss is measured on the labels the model did not choose (all when none did).
  const validated = all.filter((i) => !chosen?.[i]);
  if (folds >= 2 && options.l2Grid.length * weightGrid.length > 1 && validated.length > 0) {
    const fold = stratifiedFolds(labels, folds, options.seed);
    crossValidation = [];
    for (const w of weightGrid) {
      for (const penalty of options.l2Grid) {
        let loss = 0;
        for (let f = 0; f < folds; f++) {
          const trainRows = all.filter((i) => fold[i] !== f);
          const fit = fitLogistic(
            pick(x, d, trainRows),
            pickLabels(labels, trainRows),
            fitOn(penalty, w, trainRows),
          );
          for (const row of validated) {
            if (fold[row] === f) loss += logLoss(linear(fit, x, row), labels[row]!);
          }
        }
        crossValidation.push({
          l2: penalty,
          logLoss: loss / validated.length,
          ...(chosen !== null && { modelChosenWeight: w }),
        });
      }
    }
    const best = crossValidation.reduce((b, c) => (c.logLoss < b.logLoss ? c : b));
    l2 = best.l2;
    weight = best.modelChosenWeight ?? 1;
  }
  const fit: LogisticFit = fitLogistic(x, labels, fitOn(l2, weight, all));
  return {
    inputs: specs,
    intercept: fit.intercept,
    coefficients: Array.from(fit.coefficients.subarray(0, specs.length)),
    l2,
    crossValidation,
    dropped,
    converged: fit.converged,
    indicatorCoefficient: indicator ? fit.coefficients[specs.length]! : null,
    modelChosenWeight: chosen === null ? null : weight,
  };
}

/** The design with one more column (the origin indicator) after its `d` input columns. */
function withColumn(x: Float64Array, d: number, extra: Uint8Array): Float64Array {
  const out = new Float64Array(extra.length * (d + 1));
  for (let i = 0; i < extra.length; i++) {
    out.set(x.subarray(i * d, i * d + d), i * (d + 1));
    out[i * (d + 1) + d] = extra[i]!;
  }
  return out;
}

/** The inputs take the penalty l2; the indicator its own fixed INDICATOR_L2. */
function penaltyFactors(inputs: number, l2: number): Float64Array {
  const factors = new Float64Array(inputs + 1).fill(1);
  factors[inputs] = INDICATOR_L2 / l2;
  return factors;
}

function pick(x: Float64Array, d: number, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length * d);
  rows.forEach((r, i) => out.set(x.subarray(r * d, r * d + d), i * d));
  return out;
}

function pickLabels(labels: Uint8Array, rows: readonly number[]): Uint8Array {
  return Uint8Array.from(rows, (r) => labels[r]!);
}
