// The shape of an indicator-rule file (YAML, validated with zod). A rule names its area, the
// offences it points to, a condition over fields (fields.ts), a weight in log-odds, and a reason
// text whose {placeholders} are fields of the entity. See default-rules.yaml.
import { z } from 'zod';
import { OFFENCES } from '../../../contract/enums.js';
import { areas } from '../areas.js';

export const comparisonOps = ['>', '>=', '<', '<=', '=', '!=', 'in', 'starts_with'] as const;
export type ComparisonOp = (typeof comparisonOps)[number];

const scalar = z.union([z.number(), z.string(), z.boolean()]);

export const comparisonSchema = z
  .object({
    field: z.string().min(1),
    op: z.enum(comparisonOps),
    value: z.union([scalar, z.array(z.union([z.number(), z.string()])).min(1)]),
  })
  .strict();

export type Comparison = z.infer<typeof comparisonSchema>;
export type Condition =
  Comparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparisonSchema,
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

/** Every comparison of a condition, however deep. */
export function comparisons(condition: Condition): Comparison[] {
  if ('all' in condition) return condition.all.flatMap(comparisons);
  if ('any' in condition) return condition.any.flatMap(comparisons);
  if ('not' in condition) return comparisons(condition.not);
  return [condition];
}

export const ruleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2–63 long'),
    area: z.enum(areas),
    offences: z.array(z.enum(OFFENCES)).min(1),
    /** The DESIGN.md fraud pattern the rule looks for (reports group by it). */
    pattern: z.string().min(1),
    when: conditionSchema,
    /** Log-odds the rule adds to a rules-only score (and its prior weight in reports). */
    weight: z.number().positive().max(5),
    reason: z.string().min(1).max(300),
  })
  .strict();

export type Rule = z.infer<typeof ruleSchema>;

export const ruleFileSchema = z
  .object({
    version: z.literal(1),
    rules: z.array(z.unknown()).min(1),
  })
  .strict();
