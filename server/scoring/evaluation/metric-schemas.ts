// The shapes of the evaluation metrics, written once as zod schemas: the metric functions
// return these types (z.infer) and the report schema (report.ts) is built from them, so a
// report read back from disk is validated against exactly what the functions produce.
import { z } from 'zod';
import { bands } from '../bands.js';

/** The four risk bands, highest first (DESIGN.md, "Scoring"): the scoring module's list. */
export const BANDS = bands;
export const bandSchema = z.enum(BANDS);
export type Band = z.infer<typeof bandSchema>;

const count = () => z.number().int().min(0);
const unit = () => z.number().min(0).max(1);
/** Why a figure is missing (no positives, no labels…), or null when it is present. */
const reason = () => z.string().nullable();

/** A two-sided confidence interval, with the method that produced it. */
export const intervalSchema = z.object({
  lower: z.number(),
  upper: z.number(),
  /** Coverage, e.g. 0.95. */
  level: unit(),
  method: z.string(),
});
export type Interval = z.infer<typeof intervalSchema>;

/** A number that may be undefined for the data at hand: null with a reason, never NaN. */
export const estimateSchema = z.object({ value: z.number().nullable(), reason: reason() });
export type Estimate = z.infer<typeof estimateSchema>;

/** hits out of n, the rate and its Wilson interval (null rate when n = 0). */
export const proportionSchema = z.object({
  n: count(),
  hits: count(),
  rate: unit().nullable(),
  interval: intervalSchema.nullable(),
  reason: reason(),
});
export type Proportion = z.infer<typeof proportionSchema>;

export const aucSchema = z.object({
  value: unit().nullable(),
  reason: reason(),
  positives: count(),
  negatives: count(),
  /** DeLong standard error; null when either class has fewer than 2 members. */
  se: z.number().min(0).nullable(),
  interval: intervalSchema.nullable(),
});
export type Auc = z.infer<typeof aucSchema>;

export const aucDifferenceSchema = z.object({
  /** AUC(a) − AUC(b) on the same labelled entities. */
  difference: z.number().nullable(),
  reason: reason(),
  se: z.number().min(0).nullable(),
  interval: intervalSchema.nullable(),
  z: z.number().nullable(),
  /** Two-sided p-value of "no difference" (paired DeLong test). */
  pValue: unit().nullable(),
});
export type AucDifference = z.infer<typeof aucDifferenceSchema>;

/** One point of a ROC curve: flag everything with score ≥ threshold (null: flag nothing). */
export const rocPointSchema = z.object({
  threshold: z.number().nullable(),
  fpr: unit(),
  tpr: unit(),
});
export type RocPoint = z.infer<typeof rocPointSchema>;

export const rocCurveSchema = z.object({ points: z.array(rocPointSchema), reason: reason() });
export type RocCurve = z.infer<typeof rocCurveSchema>;

/** One point of a precision–recall curve: flag everything with score ≥ threshold. */
export const prPointSchema = z.object({
  threshold: z.number().nullable(),
  recall: unit(),
  precision: unit(),
});
export type PrPoint = z.infer<typeof prPointSchema>;

export const prCurveSchema = z.object({
  points: z.array(prPointSchema),
  /** Share of positives among the labelled: the precision of flagging at random. */
  baseRate: unit().nullable(),
  reason: reason(),
});
export type PrCurve = z.infer<typeof prCurveSchema>;

export const precisionAtKSchema = z.object({
  /** The k asked for. */
  requestedK: count(),
  /** min(requestedK, number of labelled entities): the k actually used. */
  k: count(),
  precision: unit().nullable(),
  reason: reason(),
  /** Expected positives among the top k (fractional when the cut splits a run of ties). */
  hits: z.number().min(0),
  /** Score of the k-th entity. */
  cutScore: z.number().nullable(),
  /** Entities scoring exactly cutScore, and how many of them fall inside the top k. */
  tiedAtCut: count(),
  tiedTaken: count(),
});
export type PrecisionAtK = z.infer<typeof precisionAtKSchema>;

export const CALIBRATION_STRATEGIES = ['uniform', 'quantile'] as const;

export const calibrationBinSchema = z.object({
  lower: unit(),
  upper: unit(),
  count: count(),
  positives: count(),
  /** Mean score in the bin; null for an empty bin. */
  meanPredicted: unit().nullable(),
  /** Share of positives in the bin; null for an empty bin. */
  observedRate: unit().nullable(),
  interval: intervalSchema.nullable(),
});
export type CalibrationBin = z.infer<typeof calibrationBinSchema>;

export const calibrationSchema = z.object({
  strategy: z.enum(CALIBRATION_STRATEGIES),
  bins: z.array(calibrationBinSchema),
  /** Expected calibration error: Σ (count/n)·|observedRate − meanPredicted|. */
  ece: estimateSchema,
  brier: estimateSchema,
});
export type Calibration = z.infer<typeof calibrationSchema>;

export const bandHitRateSchema = z.object({
  band: bandSchema,
  labelled: count(),
  hits: count(),
  hitRate: unit().nullable(),
  interval: intervalSchema.nullable(),
  /** hitRate / baseRate; null when either is missing or the base rate is 0. */
  lift: z.number().min(0).nullable(),
});
export type BandHitRate = z.infer<typeof bandHitRateSchema>;

export const bandHitRatesSchema = z.object({
  /** Hits over all labelled entities that have a band. */
  baseRate: proportionSchema,
  bands: z.array(bandHitRateSchema),
  /** Labelled entities without a band (not scored); left out of every figure above. */
  unbanded: count(),
});
export type BandHitRates = z.infer<typeof bandHitRatesSchema>;
