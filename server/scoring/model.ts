// A trained model version: everything needed to score with it and to account for it (the model
// card is rendered from this). Stored as JSON in a (:Model) node (model-store.ts).
import { z } from 'zod';
import { areas } from './areas.js';
import { inputSpecSchema, zValue } from './design.js';
import { sigmoid } from './logistic-regression.js';

const metricsSchema = z.object({
  labels: z.number().int(),
  positives: z.number().int(),
  rocAuc: z.number().nullable(),
  rocAucInterval: z.tuple([z.number(), z.number()]).nullable(),
  prAuc: z.number().nullable(),
  baseRate: z.number().nullable(),
  /** Precision among the test labels in the red band (null when none fell in it). */
  redPrecision: z.number().nullable(),
  brier: z.number().nullable(),
});
export type HoldoutMetrics = z.infer<typeof metricsSchema>;

export const trainedModelSchema = z.object({
  version: z.string(),
  area: z.enum(areas),
  /** `any` for the area's general model, else the offence it was trained for. */
  offence: z.string(),
  createdAt: z.iso.datetime(),
  /** The day features and inputs were measured from. */
  asOf: z.iso.date(),
  kind: z.literal('logistic-regression-l2'),
  inputs: z.array(inputSpecSchema),
  intercept: z.number(),
  coefficients: z.array(z.number()),
  l2: z.number(),
  crossValidation: z
    .array(
      z.object({
        l2: z.number(),
        logLoss: z.number(),
        /** The model-chosen labels' weight this row tried (label-treatment.ts). */
        modelChosenWeight: z.number().optional(),
      }),
    )
    .nullable(),
  dropped: z.array(z.string()),
  converged: z.boolean(),
  training: z.object({
    labels: z.number().int(),
    positives: z.number().int(),
    firstClosed: z.string(),
    lastClosed: z.string(),
    /** SHA-256 of the training rows (entity id, label, every raw input value). */
    dataHash: z.string(),
    origins: z.record(z.string(), z.number().int()),
    /** Labels whose deciding inspection came from a closed case (versions before: 0). */
    fromCases: z.number().int().default(0),
    /**
     * How labels the model chose were treated (label-treatment.ts): labels per origin and from
     * cases, the weight of model-chosen ones, and the training-only origin indicator's fitted
     * log-odds shift. Null in versions trained before the treatment existed.
     */
    caseLabels: z
      .object({
        byOrigin: z.record(
          z.string(),
          z.object({ labels: z.number().int(), fromCases: z.number().int() }),
        ),
        modelChosen: z.number().int(),
        modelChosenWeight: z.object({ tried: z.array(z.number()), chosen: z.number() }).nullable(),
        indicator: z.object({ name: z.string(), coefficient: z.number() }).nullable(),
      })
      .nullable()
      .default(null),
  }),
  holdout: z
    .object({
      splitDate: z.string(),
      train: z.object({ labels: z.number().int(), positives: z.number().int() }),
      /**
       * Labels from closed cases: `trained` went to the hold-out model's training side,
       * `withheld` were left out because their entity is in the fixed test set.
       */
      caseLabels: z
        .object({ trained: z.number().int(), withheld: z.number().int() })
        .default({ trained: 0, withheld: 0 }),
      full: metricsSchema,
      intrinsicOnly: metricsSchema,
      /**
       * The hold-out model's probability for each test entity (id order) and its outcome, so two
       * versions can be compared on the same test set by a paired test (evaluation/versions.ts).
       * Empty in versions stored before it was kept.
       */
      predictions: z
        .array(z.object({ id: z.string(), confirmed: z.boolean(), probability: z.number() }))
        .default([]),
    })
    .nullable(),
  rules: z.object({ source: z.string(), hash: z.string(), ids: z.array(z.string()) }),
  /** Attributes that were never inputs, by design (protected.ts). */
  protectedAttributes: z.array(z.string()),
  notes: z.array(z.string()),
});

export type TrainedModel = z.infer<typeof trainedModelSchema>;

/** The hold-out without its per-entity predictions (entity ids and outcomes): for the model
 * card and the API, which carry no personal data. */
export const publicHoldoutSchema = trainedModelSchema.shape.holdout
  .unwrap()
  .omit({ predictions: true })
  .nullable();

export function publicHoldout(
  holdout: TrainedModel['holdout'],
): z.infer<typeof publicHoldoutSchema> {
  return holdout === null ? null : publicHoldoutSchema.parse(holdout);
}

/** The model as its card's JSON shows it: without the hold-out's per-entity predictions. */
export function publicModel(model: TrainedModel) {
  return { ...model, holdout: publicHoldout(model.holdout) };
}

export interface Contribution {
  input: string;
  /** The raw value (before transformation), null when missing. */
  value: number | null;
  /** βⱼ · zⱼ: what the input adds to the log-odds of this entity against an average one. */
  contribution: number;
}

export interface Explanation {
  probability: number;
  logOdds: number;
  intercept: number;
  contributions: Contribution[];
}

/** Score one entity and split its log-odds exactly into the intercept and one term per input. */
export function explain(
  model: Pick<TrainedModel, 'inputs' | 'intercept' | 'coefficients'>,
  raw: (input: string) => number,
): Explanation {
  let logOdds = model.intercept;
  const contributions = model.inputs.map((spec, j) => {
    const value = raw(spec.name);
    const contribution = model.coefficients[j]! * zValue(spec, value);
    logOdds += contribution;
    return { input: spec.name, value: Number.isNaN(value) ? null : value, contribution };
  });
  return { probability: sigmoid(logOdds), logOdds, intercept: model.intercept, contributions };
}

/**
 * The probability of every row at once, input by input over whole columns: what `explain` gives
 * each row, without building its contributions (a million rows × forty inputs). A missing
 * column counts as missing values.
 */
export function probabilities(
  model: Pick<TrainedModel, 'inputs' | 'intercept' | 'coefficients'>,
  column: (input: string) => Float64Array | undefined,
  rows: number,
): Float64Array {
  const logOdds = new Float64Array(rows).fill(model.intercept);
  model.inputs.forEach((spec, j) => {
    const values = column(spec.name);
    const beta = model.coefficients[j]!;
    if (!values) {
      const term = beta * zValue(spec, NaN);
      for (let row = 0; row < rows; row++) logOdds[row]! += term;
      return;
    }
    for (let row = 0; row < rows; row++) logOdds[row]! += beta * zValue(spec, values[row]!);
  });
  for (let row = 0; row < rows; row++) logOdds[row] = sigmoid(logOdds[row]!);
  return logOdds;
}
