// An entity's network features as the detail view shows them: every f_… property on the node
// with its value and, from the feature registry (the one place features are described, which
// `ringwatch features` lists too), what it means and its unit; and the analysis run that wrote
// them (f_run, f_at).
import { z } from 'zod';
import { featureRegistry } from '../analytics/features/index.js';

export const FeatureValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const EntityFeatureSchema = z.object({
  name: z.string(),
  value: FeatureValueSchema,
  /** From the registry; null for a property no registered feature writes (an old run's). */
  description: z.string().nullable(),
  unit: z.string().nullable(),
});
export type EntityFeature = z.infer<typeof EntityFeatureSchema>;

export const FeaturesRunSchema = z.object({
  run: z.string().nullable(),
  at: z.iso.datetime().nullable(),
});

const bookkeeping = new Set(['f_run', 'f_at']);
const registered = new Set<string>(featureRegistry.map((f) => f.name));

const scalar = (v: unknown): z.infer<typeof FeatureValueSchema> =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v)
    ? (v as string | number | boolean | null)
    : JSON.stringify(v);

/** ISO date-time of a driver date-time string (nanoseconds and offsets allowed), or null. */
export function isoInstant(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const ms = Date.parse(v.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The node's features in registry order (unregistered ones after, by name). */
export function entityFeatures(node: Record<string, unknown>, hidden: ReadonlySet<string>) {
  // Walks the registry rather than sorting the node's properties by it: a page has some 60
  // properties, and that sort was most of this function's time.
  const features: EntityFeature[] = [];
  for (const f of featureRegistry) {
    if (!Object.hasOwn(node, f.name) || hidden.has(f.name)) continue;
    features.push({
      name: f.name,
      value: scalar(node[f.name]),
      description: f.description,
      unit: f.unit ?? null,
    });
  }
  const unregistered = Object.keys(node)
    .filter(
      (name) =>
        name.startsWith('f_') &&
        !registered.has(name) &&
        !bookkeeping.has(name) &&
        !hidden.has(name),
    )
    .sort();
  for (const name of unregistered) {
    features.push({ name, value: scalar(node[name]), description: null, unit: null });
  }
  const run =
    node.f_run === undefined && node.f_at === undefined
      ? null
      : { run: typeof node.f_run === 'string' ? node.f_run : null, at: isoInstant(node.f_at) };
  return { features, run };
}
