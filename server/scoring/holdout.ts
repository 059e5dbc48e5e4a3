// The time-based hold-out: fit on the entities whose deciding inspection closed before the split
// date, score everyone with that model, and measure on the entities whose inspection closed from
// that date on — once with every input and once with intrinsic inputs only, so the gain from the
// network is visible. The red-band precision uses bands over the whole population, as an
// inspector would see them.
import type { Area } from './areas.js';
import { assignBands, type Band, type BandCapacity } from './bands.js';
import type { CandidateInput } from './design.js';
import type { EntityTable } from './entity-table.js';
import { averagePrecision, brierScore, rocAuc } from './evaluation/index.js';
import { fitModel, type FitOptions } from './fit-model.js';
import type { EntityLabel } from './labels.js';
import { explain, type HoldoutMetrics, type TrainedModel } from './model.js';

export interface HoldoutInput {
  area: Area;
  split: string;
  labels: readonly EntityLabel[];
  /** Table row of each label. */
  rows: readonly number[];
  table: EntityTable;
  candidates: readonly CandidateInput[];
  intrinsic: readonly CandidateInput[];
  fitOptions: FitOptions;
  capacity: BandCapacity;
}

export interface HoldoutScoring {
  /** Probability of every entity of the table under the hold-out model. */
  scores: Float64Array;
  bands: Band[];
}

export interface HoldoutPredictions {
  split: string;
  train: { labels: number; positives: number };
  /** Indices into `labels` of the test entities. */
  test: number[];
  testLabels: boolean[];
  full: HoldoutScoring;
  intrinsicOnly: HoldoutScoring;
}

function scoreEveryone(
  fitted: Pick<TrainedModel, 'inputs' | 'intercept' | 'coefficients'>,
  candidates: readonly CandidateInput[],
  table: EntityTable,
  capacity: BandCapacity,
): HoldoutScoring {
  const raw = new Map(candidates.map((c) => [c.name, c.raw]));
  const scores = new Float64Array(table.ids.length);
  for (let row = 0; row < scores.length; row++) {
    scores[row] = explain(fitted, (name) => raw.get(name)?.[row] ?? NaN).probability;
  }
  return { scores, bands: assignBands(scores, table.ids, capacity).band };
}

export function holdoutPredictions(input: HoldoutInput): HoldoutPredictions | null {
  const trainIdx: number[] = [];
  const test: number[] = [];
  input.labels.forEach((l, i) => (l.closedOn < input.split ? trainIdx : test).push(i));
  const y = Uint8Array.from(trainIdx, (i) => input.labels[i]!.label);
  const positives = y.reduce((a, b) => a + b, 0);
  const testLabels = test.map((i) => input.labels[i]!.label === 1);
  const testPositives = testLabels.filter(Boolean).length;
  if (
    positives < 2 ||
    y.length - positives < 2 ||
    testPositives < 1 ||
    testPositives === test.length
  ) {
    return null;
  }
  const rows = trainIdx.map((i) => input.rows[i]!);
  const fit = (candidates: readonly CandidateInput[]) =>
    scoreEveryone(
      fitModel(candidates, rows, y, input.fitOptions),
      candidates,
      input.table,
      input.capacity,
    );
  return {
    split: input.split,
    train: { labels: y.length, positives },
    test,
    testLabels,
    full: fit(input.candidates),
    intrinsicOnly: fit(input.intrinsic),
  };
}

function metrics(
  p: HoldoutPredictions,
  scoring: HoldoutScoring,
  input: HoldoutInput,
): HoldoutMetrics {
  const scores = p.test.map((i) => scoring.scores[input.rows[i]!]!);
  const auc = rocAuc(scores, p.testLabels);
  let red = 0;
  let redHits = 0;
  p.test.forEach((i, k) => {
    if (scoring.bands[input.rows[i]!] !== 'red') return;
    red++;
    if (p.testLabels[k]) redHits++;
  });
  return {
    labels: p.testLabels.length,
    positives: p.testLabels.filter(Boolean).length,
    rocAuc: auc.value,
    rocAucInterval: auc.interval ? [auc.interval.lower, auc.interval.upper] : null,
    prAuc: averagePrecision(scores, p.testLabels).value,
    baseRate: p.testLabels.filter(Boolean).length / p.testLabels.length,
    redPrecision: red > 0 ? redHits / red : null,
    brier: brierScore(scores, p.testLabels).value,
  };
}

export function evaluateHoldout(input: HoldoutInput): TrainedModel['holdout'] {
  const p = holdoutPredictions(input);
  if (!p) return null;
  return {
    splitDate: p.split,
    train: p.train,
    full: metrics(p, p.full, input),
    intrinsicOnly: metrics(p, p.intrinsicOnly, input),
  };
}
