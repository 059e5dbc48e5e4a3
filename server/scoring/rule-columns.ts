// Rule hits for every entity of a table, as 0/1 columns named r_<rule id>: the model takes them
// as inputs and the rules-only score adds their weights.
import type { Area } from './areas.js';
import { entityValues, type EntityTable } from './entity-table.js';
import { evaluateCondition } from './rules/evaluate-rule.js';
import type { Rule } from './rules/rule-schema.js';

export const ruleInput = (rule: Pick<Rule, 'id'>): string => `r_${rule.id}`;

export function rulesOf(rules: readonly Rule[], area: Area): Rule[] {
  return rules.filter((r) => r.area === area);
}

export function ruleColumns(table: EntityTable, rules: readonly Rule[]): Map<string, Float64Array> {
  const columns = new Map(rules.map((r) => [ruleInput(r), new Float64Array(table.ids.length)]));
  if (rules.length === 0) return columns;
  for (let row = 0; row < table.ids.length; row++) {
    const values = entityValues(table, row);
    for (const rule of rules) {
      if (evaluateCondition(rule.when, values) === true) columns.get(ruleInput(rule))![row] = 1;
    }
  }
  return columns;
}
