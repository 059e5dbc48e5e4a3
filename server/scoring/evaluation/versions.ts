// Model versions side by side — did retraining on the outcomes of closed cases help? Two
// measures, each with every version on the same entities and each version against the one
// before it by the paired DeLong test:
//
//   hold-out  the fixed time hold-out of the model cards: each version's hold-out model's
//             probabilities on the test entities (stored with the version), on the entities
//             every compared version was tested on. The same test set for all, but small (a
//             few dozen labels on the demo, an AUC interval of about ±0.2): it shows a version
//             is not significantly worse, rarely that it is better.
//   truth     only on a synthetic data set (`ringwatch evaluate --truth DIR.truth`): every
//             entity of the area that no version learnt from (no closed inspection, no closed
//             case) has a known answer, culpable or not (fixtures/truth.ts, as `cases simulate`
//             reads it), and there are thousands of them. ROC AUC, average precision and the
//             culpable among the top `capacity` (what next month's red band would find).
import { z } from 'zod';
import { aucDifference, rocAuc } from './auc.js';
import type { Scores } from './inputs.js';
import {
  aucDifferenceSchema,
  aucSchema,
  estimateSchema,
  precisionAtKSchema,
} from './metric-schemas.js';
import { averagePrecision, precisionAtK } from './metrics.js';
import { AREAS } from './report-files.js';

const count = () => z.number().int().min(0);

export const versionRowSchema = z.object({
  version: z.string().min(1),
  createdAt: z.string(),
  active: z.boolean(),
  /** Labels the version was trained on (inspections and closed cases). */
  trainingLabels: count(),
  /** Null when the version kept no hold-out predictions (stored before they were kept). */
  holdout: z
    .object({
      rocAuc: aucSchema,
      /** This version's AUC minus the previous one's on the same test entities; null for the first. */
      versusPrevious: aucDifferenceSchema.nullable(),
    })
    .nullable(),
  /** Null without a ground truth. */
  truth: z
    .object({
      rocAuc: aucSchema,
      averagePrecision: estimateSchema,
      atCapacity: precisionAtKSchema,
      versusPrevious: aucDifferenceSchema.nullable(),
    })
    .nullable(),
});

export const versionComparisonSchema = z.object({
  area: z.enum(AREAS),
  /** The test entities every version with hold-out predictions was tested on. */
  holdout: z.object({ labels: count(), positives: count() }).nullable(),
  truth: z
    .object({
      /** Entities of the area none of the versions learnt from: the ones measured. */
      entities: count(),
      culpable: count(),
      /** Entities left out because they have a label (closed inspection or case). */
      labelled: count(),
      /** The red band's size for the whole area: the k of `atCapacity`. */
      capacity: count(),
    })
    .nullable(),
  /** Oldest first. */
  versions: z.array(versionRowSchema),
});
export type VersionComparison = z.infer<typeof versionComparisonSchema>;

export interface HoldoutPrediction {
  id: string;
  confirmed: boolean;
  probability: number;
}

export interface VersionInput {
  version: string;
  createdAt: string;
  active: boolean;
  trainingLabels: number;
  /** The version's hold-out model on its test entities; empty when not kept. */
  holdout: readonly HoldoutPrediction[];
  /** With a truth: one score per entity of the area, in the order of `truth.ids`. */
  scores?: Scores;
}

export interface TruthInput {
  ids: readonly string[];
  /** Entities with a label: left out. */
  labelled: ReadonlySet<string>;
  /** Culpable entities of the area, by id. */
  culpable: ReadonlySet<string>;
  capacity: number;
}

export interface CompareInput {
  area: (typeof AREAS)[number];
  versions: readonly VersionInput[];
  truth?: TruthInput;
}

export function compareVersions(input: CompareInput): VersionComparison {
  const ordered = [...input.versions].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.version.localeCompare(b.version),
  );
  const holdout = commonHoldout(ordered);
  const truth = input.truth ? truthSide(input.truth, ordered) : null;
  return {
    area: input.area,
    holdout: holdout && {
      labels: holdout.labels.length,
      positives: holdout.labels.filter(Boolean).length,
    },
    truth: truth && {
      entities: truth.labels.length,
      culpable: truth.labels.filter(Boolean).length,
      labelled: input.truth!.ids.length - truth.labels.length,
      capacity: input.truth!.capacity,
    },
    versions: ordered.map((v, k) => ({
      version: v.version,
      createdAt: v.createdAt,
      active: v.active,
      trainingLabels: v.trainingLabels,
      holdout: holdout ? holdoutRow(holdout, k) : null,
      truth: truth && {
        rocAuc: rocAuc(truth.scores[k]!, truth.labels),
        averagePrecision: averagePrecision(truth.scores[k]!, truth.labels),
        atCapacity: precisionAtK(truth.scores[k]!, truth.labels, input.truth!.capacity),
        versusPrevious:
          k === 0 ? null : aucDifference(truth.scores[k]!, truth.scores[k - 1]!, truth.labels),
      },
    })),
  };
}

interface CommonHoldout {
  labels: boolean[];
  /** Per version (in order): its probabilities on the common entities, or null. */
  scores: (number[] | null)[];
}

/** The test entities (same outcome) of every version that kept hold-out predictions. */
function commonHoldout(versions: readonly VersionInput[]): CommonHoldout | null {
  const kept = versions.filter((v) => v.holdout.length > 0);
  if (kept.length === 0) return null;
  const maps = versions.map((v) =>
    v.holdout.length > 0 ? new Map(v.holdout.map((p) => [p.id, p])) : null,
  );
  const ids = kept[0]!.holdout
    .filter((p) => maps.every((m) => m === null || m.get(p.id)?.confirmed === p.confirmed))
    .map((p) => p.id);
  return {
    labels: ids.map((id) => maps.find((m) => m !== null)!.get(id)!.confirmed),
    scores: maps.map((m) => (m === null ? null : ids.map((id) => m.get(id)!.probability))),
  };
}

function holdoutRow(h: CommonHoldout, k: number): VersionComparison['versions'][number]['holdout'] {
  const scores = h.scores[k];
  if (!scores) return null;
  // Against the nearest earlier version that kept its predictions.
  let previous: number[] | null = null;
  for (let j = k - 1; j >= 0 && previous === null; j--) previous = h.scores[j] ?? null;
  return {
    rocAuc: rocAuc(scores, h.labels),
    versusPrevious: previous === null ? null : aucDifference(scores, previous, h.labels),
  };
}

function truthSide(t: TruthInput, versions: readonly VersionInput[]) {
  const rows: number[] = [];
  t.ids.forEach((id, row) => {
    if (!t.labelled.has(id)) rows.push(row);
  });
  return {
    labels: rows.map((row) => t.culpable.has(t.ids[row]!)),
    scores: versions.map((v) => {
      if (!v.scores) throw new Error(`versions: ${v.version} has no scores for the truth`);
      const s = v.scores;
      return rows.map((row) => s[row]!);
    }),
  };
}
