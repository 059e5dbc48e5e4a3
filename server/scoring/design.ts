// From entity columns to the standardised design a model is fitted on: each input is
// transformed (log for heavy-tailed counts and money), then centred and scaled by its mean and
// standard deviation over the training rows; a missing value becomes the mean (0 after
// scaling), so it contributes nothing to a score. The means and deviations are stored with the
// model, so scoring applies exactly the training transformation.
import { z } from 'zod';
import type { Field } from './fields.js';

export const transforms = ['identity', 'log1p', 'log'] as const;
export type Transform = (typeof transforms)[number];

export const inputSpecSchema = z.object({
  name: z.string(),
  kind: z.enum(['intrinsic', 'network', 'rule']),
  transform: z.enum(transforms),
  mean: z.number(),
  sd: z.number().positive(),
});
export type InputSpec = z.infer<typeof inputSpecSchema>;

/** Inputs that live on a 0–1 or linear scale keep it; counts, money and scores are logged. */
export function defaultTransform(field: Pick<Field, 'name' | 'unit'>): Transform {
  if (field.name === 'f_pagerank' || field.name === 'f_exposure') return 'log';
  if (/^(share|0\/1|years|boolean|ratio)/.test(field.unit)) return 'identity';
  return 'log1p';
}

const LOG_FLOOR = 1e-6;

export function applyTransform(transform: Transform, v: number): number {
  if (Number.isNaN(v)) return NaN;
  if (transform === 'log1p') return Math.log1p(Math.max(v, 0));
  if (transform === 'log') return Math.log(Math.max(v, LOG_FLOOR));
  return v;
}

export interface CandidateInput {
  name: string;
  kind: InputSpec['kind'];
  transform: Transform;
  raw: Float64Array;
}

/**
 * Mean and deviation of each candidate over `rows`; candidates that are constant there (or have
 * no value at all) are dropped and reported, because they cannot be learned from.
 */
export function standardise(
  candidates: readonly CandidateInput[],
  rows: readonly number[],
): { specs: InputSpec[]; dropped: string[] } {
  const specs: InputSpec[] = [];
  const dropped: string[] = [];
  for (const c of candidates) {
    let n = 0;
    let sum = 0;
    let sumSq = 0;
    for (const r of rows) {
      const v = applyTransform(c.transform, c.raw[r]!);
      if (Number.isNaN(v)) continue;
      n++;
      sum += v;
      sumSq += v * v;
    }
    const mean = n > 0 ? sum / n : 0;
    const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
    const sd = Math.sqrt(variance);
    if (!(sd > 1e-12)) {
      dropped.push(c.name);
      continue;
    }
    specs.push({ name: c.name, kind: c.kind, transform: c.transform, mean, sd });
  }
  return { specs, dropped };
}

/** Standardised value of one raw value (missing → 0, the mean). */
export function zValue(spec: InputSpec, raw: number): number {
  const v = applyTransform(spec.transform, raw);
  return Number.isNaN(v) ? 0 : (v - spec.mean) / spec.sd;
}

/** Row-major design (rows.length × specs.length) for the given rows. */
export function designMatrix(
  specs: readonly InputSpec[],
  raw: (name: string) => Float64Array,
  rows: readonly number[],
): Float64Array {
  const d = specs.length;
  const x = new Float64Array(rows.length * d);
  specs.forEach((spec, j) => {
    const column = raw(spec.name);
    rows.forEach((r, i) => {
      x[i * d + j] = zValue(spec, column[r]!);
    });
  });
  return x;
}
