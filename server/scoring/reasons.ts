// The reasons written with every score (risk_reasons, JSON): the model's largest contributions
// with the values behind them, the rules that fired, per-offence probabilities, and the network
// evidence (evidence.ts). The contributions shown plus `otherContributions` plus the intercept add
// up exactly to the score's log-odds, so a reader can check the arithmetic. Each contribution
// and fired rule names the fields it `reads`, so what may reveal an official can be left out for
// viewers who may not see officials (staff-revealing.ts).
import { z } from 'zod';
import type { Area } from './areas.js';
import { areaFields, type Field } from './fields.js';
import type { Explanation } from './model.js';
import { formatValue } from './rules/format-reason.js';
import type { RuleHit } from './rules/evaluate-rule.js';

export const evidenceSchema = z.object({
  feature: z.string(),
  text: z.string(),
  entities: z.array(z.object({ type: z.string(), id: z.string() })),
});
export type Evidence = z.infer<typeof evidenceSchema>;

const contributionSchema = z.object({
  input: z.string(),
  description: z.string(),
  value: z.number().nullable(),
  contribution: z.number(),
  /** The fields behind the input: the feature itself, or a rule hit's rule's fields
   * (absent: the input alone). */
  reads: z.array(z.string()).optional(),
});

export const reasonsSchema = z.object({
  model: z.string(),
  probability: z.number(),
  logOdds: z.number(),
  intercept: z.number(),
  contributions: z.array(contributionSchema),
  otherContributions: z.number(),
  rules: z.array(
    z.object({
      id: z.string(),
      reason: z.string(),
      offences: z.array(z.string()),
      pattern: z.string(),
      weight: z.number(),
      /** The fields the rule's condition and reason read (absent in reasons scored before it
       * was recorded: such a rule is masked for viewers who may not see officials). */
      reads: z.array(z.string()).optional(),
    }),
  ),
  offences: z.record(z.string(), z.number()),
  evidence: z.array(evidenceSchema),
});
export type Reasons = z.infer<typeof reasonsSchema>;

/**
 * risk_reasons as stored: without each contribution's description, which the feature registry
 * gives back on reading, nor its `reads` where it reads only its own input: about 40 % fewer
 * bytes to write for each of a million persons. Reasons stored with their descriptions (before)
 * read as they are.
 */
const storedReasonsSchema = reasonsSchema.extend({
  contributions: z.array(contributionSchema.extend({ description: z.string().optional() })),
});

export function storeReasons(reasons: Reasons): string {
  return JSON.stringify({
    ...reasons,
    contributions: reasons.contributions.map(({ description: _, reads, ...c }) =>
      reads && !(reads.length === 1 && reads[0] === c.input) ? { ...c, reads } : c,
    ),
  });
}

const fieldsOfArea = new Map<Area, ReadonlyMap<string, Field>>();

/** The stored reasons of an entity of the area, descriptions back; null when unreadable. */
export function readReasons(json: string, area: Area): Reasons | null {
  let parsed;
  try {
    parsed = storedReasonsSchema.safeParse(JSON.parse(json));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  let fields = fieldsOfArea.get(area);
  if (!fields) fieldsOfArea.set(area, (fields = areaFields(area)));
  return {
    ...parsed.data,
    contributions: parsed.data.contributions.map((c) => ({
      ...c,
      description: c.description ?? describe(c.input, fields),
    })),
  };
}

const TOP = 6;

export function buildReasons(
  model: string,
  explanation: Explanation,
  hits: readonly RuleHit[],
  offences: Record<string, number>,
  fields: ReadonlyMap<string, Field>,
  /** The fields of each rule-hit input (`r_<id>` → the rule's reads); others read themselves. */
  ruleReads: ReadonlyMap<string, readonly string[]> = new Map(),
): Reasons {
  const sorted = [...explanation.contributions].sort(
    (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.input < b.input ? -1 : 1),
  );
  const top = sorted.slice(0, TOP).filter((c) => c.contribution !== 0);
  const shown = top.reduce((sum, c) => sum + c.contribution, 0);
  const total = explanation.logOdds - explanation.intercept;
  return {
    model,
    probability: explanation.probability,
    logOdds: explanation.logOdds,
    intercept: explanation.intercept,
    contributions: top.map((c) => ({
      input: c.input,
      description: describe(c.input, fields),
      value: c.value,
      contribution: c.contribution,
      reads: [...(ruleReads.get(c.input) ?? [c.input])],
    })),
    otherContributions: total - shown,
    rules: hits.map((h) => ({ ...h })),
    offences,
    evidence: [],
  };
}

/** A field's description up to its first explanation: "time-decayed fraud exposure". */
function describe(input: string, fields: ReadonlyMap<string, Field>): string {
  if (input.startsWith('r_')) return `indicator rule ${input.slice(2)} fired`;
  const description = fields.get(input)?.description ?? input;
  return description.split(/ \(|: |; /)[0]!.trim();
}

/** The one line a ranking shows: the strongest fired rule, else the largest push upwards. */
export function topReason(reasons: Reasons): string | null {
  const rule = [...reasons.rules].sort((a, b) => b.weight - a.weight)[0];
  if (rule) return rule.reason;
  const up = reasons.contributions.find((c) => c.contribution > 0);
  if (!up) return null;
  return `${up.description}: ${formatValue(up.input, up.value)}`;
}
