// Model versions side by side on the ground truth of a synthetic data set — `ringwatch evaluate
// --truth DIR.truth`: did retraining on the outcomes of closed cases rank better? The time
// hold-out of the model card is the same for every version but small (a few dozen labels, an
// AUC interval of about ±0.2 on the demo), so it cannot tell a better version from noise. The
// truth can: every entity of the area that no version learnt from (no closed inspection, no
// closed case) has a known answer, culpable or not (fixtures/truth.ts, as `cases simulate`
// reads it), and there are thousands of them.
//
// Per version: ROC AUC with its DeLong interval, average precision, and the culpable among the
// top `capacity` of those entities (what next month's red band would find among them). Each
// version after the first is compared with the one before it by the paired DeLong test on
// the same entities.
import { z } from 'zod';
import { aucDifference, rocAuc } from './auc.js';
import {
  aucDifferenceSchema,
  aucSchema,
  estimateSchema,
  precisionAtKSchema,
} from './metric-schemas.js';
import { AREAS } from './report-files.js';
import { averagePrecision, precisionAtK } from './metrics.js';
import type { Scores } from './inputs.js';

const count = () => z.number().int().min(0);

export const truthVersionSchema = z.object({
  version: z.string().min(1),
  createdAt: z.string(),
  active: z.boolean(),
  /** Labels the version was trained on (inspections and closed cases). */
  trainingLabels: count(),
  rocAuc: aucSchema,
  averagePrecision: estimateSchema,
  atCapacity: precisionAtKSchema,
  /** This version's AUC minus the previous version's (paired DeLong); null for the first. */
  versusPrevious: aucDifferenceSchema.nullable(),
});

export const truthVersionsSchema = z.object({
  area: z.enum(AREAS),
  /** Entities of the area none of the versions learnt from: the ones measured. */
  entities: count(),
  culpable: count(),
  /** Entities left out because they have a label (closed inspection or case). */
  labelled: count(),
  /** The red band's size for the whole area: the k of `atCapacity`. */
  capacity: count(),
  /** Oldest first. */
  versions: z.array(truthVersionSchema),
});
export type TruthVersions = z.infer<typeof truthVersionsSchema>;

export interface VersionScores {
  version: string;
  createdAt: string;
  active: boolean;
  trainingLabels: number;
  /** One score per entity of the area, in the order of `ids`. */
  scores: Scores;
}

export interface VersionsOnTruthInput {
  area: (typeof AREAS)[number];
  ids: readonly string[];
  /** Entities with a label: left out. */
  labelled: ReadonlySet<string>;
  /** Culpable entities of the area, by id. */
  culpable: ReadonlySet<string>;
  capacity: number;
  versions: readonly VersionScores[];
}

export function versionsOnTruth(input: VersionsOnTruthInput): TruthVersions {
  const rows: number[] = [];
  input.ids.forEach((id, row) => {
    if (!input.labelled.has(id)) rows.push(row);
  });
  const labels = rows.map((row) => input.culpable.has(input.ids[row]!));
  const ordered = [...input.versions].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.version.localeCompare(b.version),
  );
  const picked = ordered.map((v) => rows.map((row) => v.scores[row]!));
  return {
    area: input.area,
    entities: rows.length,
    culpable: labels.filter(Boolean).length,
    labelled: input.ids.length - rows.length,
    capacity: input.capacity,
    versions: ordered.map((v, k) => ({
      version: v.version,
      createdAt: v.createdAt,
      active: v.active,
      trainingLabels: v.trainingLabels,
      rocAuc: rocAuc(picked[k]!, labels),
      averagePrecision: averagePrecision(picked[k]!, labels),
      atCapacity: precisionAtK(picked[k]!, labels, input.capacity),
      versusPrevious: k === 0 ? null : aucDifference(picked[k]!, picked[k - 1]!, labels),
    })),
  };
}
