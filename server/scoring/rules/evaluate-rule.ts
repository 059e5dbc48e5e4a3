// Evaluates rule conditions with three-valued logic: a comparison on a missing (null) value is
// unknown, not false, so `not` of it stays unknown and a rule fires only when its condition is
// known to hold.
import type { EntityValues } from '../entity-values.js';
import { comparisons, type Comparison, type Condition, type Rule } from './rule-schema.js';
import { formatReason, placeholders } from './format-reason.js';

type Truth = boolean | null;

function compare(c: Comparison, values: EntityValues): Truth {
  const v = values[c.field];
  if (v === null || v === undefined) return null;
  switch (c.op) {
    case '>':
      return typeof v === 'number' && v > (c.value as number);
    case '>=':
      return typeof v === 'number' && v >= (c.value as number);
    case '<':
      return typeof v === 'number' && v < (c.value as number);
    case '<=':
      return typeof v === 'number' && v <= (c.value as number);
    case '=':
      return v === c.value;
    case '!=':
      return v !== c.value;
    case 'in':
      return (c.value as (string | number)[]).includes(v as string | number);
    case 'starts_with':
      return typeof v === 'string' && v.startsWith(c.value as string);
  }
}

export function evaluateCondition(condition: Condition, values: EntityValues): Truth {
  if ('all' in condition) {
    let unknown = false;
    for (const c of condition.all) {
      const t = evaluateCondition(c, values);
      if (t === false) return false;
      if (t === null) unknown = true;
    }
    return unknown ? null : true;
  }
  if ('any' in condition) {
    let unknown = false;
    for (const c of condition.any) {
      const t = evaluateCondition(c, values);
      if (t === true) return true;
      if (t === null) unknown = true;
    }
    return unknown ? null : false;
  }
  if ('not' in condition) {
    const t = evaluateCondition(condition.not, values);
    return t === null ? null : !t;
  }
  return compare(condition, values);
}

export interface RuleHit {
  id: string;
  weight: number;
  offences: string[];
  pattern: string;
  reason: string;
  /** The fields the rule reads (ruleReads): what its reason would reveal of the entity. */
  reads: string[];
}

/**
 * The fields a rule reads: those its condition compares, and those its reason prints. A rule
 * that fired tells what these fields hold, so it may be shown only to who may see them all
 * (server/scoring/staff-revealing.ts).
 */
export function ruleReads(rule: Pick<Rule, 'when' | 'reason'>): string[] {
  const fields = [...comparisons(rule.when).map((c) => c.field), ...placeholders(rule.reason)];
  return [...new Set(fields)].sort();
}

/** A rule known to have fired, with its reason filled in from the entity's values. */
export function ruleHit(rule: Rule, values: EntityValues): RuleHit {
  return {
    id: rule.id,
    weight: rule.weight,
    offences: rule.offences,
    pattern: rule.pattern,
    reason: formatReason(rule.reason, values),
    reads: ruleReads(rule),
  };
}

export function fireRules(rules: readonly Rule[], values: EntityValues): RuleHit[] {
  return rules
    .filter((rule) => evaluateCondition(rule.when, values) === true)
    .map((rule) => ruleHit(rule, values));
}
