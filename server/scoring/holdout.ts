// The time-based hold-out: fit on the training side of the fixed split (holdout-split.ts: loaded
// labels closed before the split date, plus labels from closed cases of entities outside the
// test set), score everyone with that model, and measure on the fixed test set (the latest loaded
// label of each entity, closed from the split date on) — once with every input and once with
// intrinsic inputs only, so the gain from the network is visible. The red-band precision uses
// bands over the whole population, as an inspector would see them.
import { RingwatchError } from '../errors.js';
import type { Area } from './areas.js';
import { assignBands, type Band, type BandCapacity } from './bands.js';
import type { CandidateInput } from './design.js';
import type { EntityTable } from './entity-table.js';
import { averagePrecision, brierScore, rocAuc } from './evaluation/index.js';
import { fitModel, type FitOptions } from './fit-model.js';
import type { HoldoutSplit } from './holdout-split.js';
import { labelTreatment, type CaseLabelOptions } from './label-treatment.js';
import type { EntityLabel } from './labels.js';
import { probabilities, type HoldoutMetrics, type TrainedModel } from './model.js';

export interface HoldoutInput {
  area: Area;
  split: HoldoutSplit;
  table: EntityTable;
  candidates: readonly CandidateInput[];
  intrinsic: readonly CandidateInput[];
  fitOptions: FitOptions;
  capacity: BandCapacity;
  /** What the fit does with model-chosen labels (label-treatment.ts). */
  caseLabels: CaseLabelOptions;
}

export interface HoldoutScoring {
  /** Probability of every entity of the table under the hold-out model. */
  scores: Float64Array;
  bands: Band[];
}

export interface HoldoutPredictions {
  split: string;
  train: { labels: number; positives: number };
  /** Labels from closed cases: in training, or withheld because their entity is tested. */
  caseLabels: { trained: number; withheld: number };
  /** The fixed test set's labels, their table rows and outcomes, in the same order. */
  test: readonly EntityLabel[];
  testRows: number[];
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
  const scores = probabilities(fitted, (name) => raw.get(name), table.ids.length);
  return { scores, bands: assignBands(scores, table.ids, capacity).band };
}

/** The table row of each label; every label's entity must be in the table. */
export function tableRows(table: EntityTable, labels: readonly EntityLabel[]): number[] {
  return labels.map((l) => {
    const row = table.index.get(l.subjectId);
    if (row === undefined) {
      throw new RingwatchError(
        `scoring: label of ${l.subjectId} has no entity in the table; keep only labels of the table's entities (keepLabels)`,
      );
    }
    return row;
  });
}

export function holdoutPredictions(input: HoldoutInput): HoldoutPredictions | null {
  const { train, test } = input.split;
  const y = Uint8Array.from(train, (l) => l.label);
  const positives = y.reduce((a, b) => a + b, 0);
  const testLabels = test.map((l) => l.label === 1);
  const testPositives = testLabels.filter(Boolean).length;
  if (
    positives < 2 ||
    y.length - positives < 2 ||
    testPositives < 1 ||
    testPositives === test.length
  ) {
    return null;
  }
  const rows = tableRows(input.table, train);
  const treatment = labelTreatment(train, input.caseLabels);
  const fit = (candidates: readonly CandidateInput[]) =>
    scoreEveryone(
      // The origin indicator is not an input: everyone is scored with it at 0.
      fitModel(candidates, rows, y, input.fitOptions, treatment),
      candidates,
      input.table,
      input.capacity,
    );
  return {
    split: input.split.split,
    train: { labels: y.length, positives },
    caseLabels: {
      trained: input.split.caseLabelsTrained,
      withheld: input.split.caseLabelsWithheld,
    },
    test,
    testRows: tableRows(input.table, test),
    testLabels,
    full: fit(input.candidates),
    intrinsicOnly: fit(input.intrinsic),
  };
}

function metrics(p: HoldoutPredictions, scoring: HoldoutScoring): HoldoutMetrics {
  const scores = p.testRows.map((row) => scoring.scores[row]!);
  const auc = rocAuc(scores, p.testLabels);
  let red = 0;
  let redHits = 0;
  p.testRows.forEach((row, k) => {
    if (scoring.bands[row] !== 'red') return;
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
    caseLabels: p.caseLabels,
    full: metrics(p, p.full),
    intrinsicOnly: metrics(p, p.intrinsicOnly),
    predictions: p.test
      .map((label, k) => ({
        id: label.subjectId,
        confirmed: p.testLabels[k]!,
        probability: p.full.scores[p.testRows[k]!]!,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}
