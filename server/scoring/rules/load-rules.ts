// Loads and validates an indicator-rule file. Every problem is reported with the rule's id (or
// its position) and what to fix; a file with any problem is refused as a whole, so a typo never
// silently switches a rule off.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { BadInputError } from '../../errors.js';
import type { Area } from '../areas.js';
import { parseYamlText, readTextFile } from '../yaml-file.js';
import { areaFields, type Field } from '../fields.js';
import { isProtected, protectedMessage } from '../protected.js';
import { placeholders } from './format-reason.js';
import {
  comparisons,
  ruleFileSchema,
  ruleSchema,
  type Comparison,
  type Rule,
} from './rule-schema.js';

export const defaultRulesPath = fileURLToPath(new URL('./default-rules.yaml', import.meta.url));

const numericOps = new Set(['>', '>=', '<', '<=']);

function checkComparison(c: Comparison, fields: Map<string, Field>, area: Area): string[] {
  if (isProtected(c.field)) return [protectedMessage(c.field, 'its condition')];
  const field = fields.get(c.field);
  if (!field) return [`field '${c.field}' is not a field of the ${area} area`];
  const problems: string[] = [];
  const isCategory = field.kind === 'category';
  if (numericOps.has(c.op) && (typeof c.value !== 'number' || isCategory)) {
    problems.push(`'${c.field} ${c.op}' needs a number and a numeric field`);
  }
  if (c.op === 'in' && !Array.isArray(c.value)) problems.push(`'in' needs a list of values`);
  if (c.op !== 'in' && Array.isArray(c.value)) problems.push(`only 'in' takes a list of values`);
  if (c.op === 'starts_with' && (typeof c.value !== 'string' || !isCategory)) {
    problems.push(`'starts_with' needs a text value and a text field`);
  }
  return problems;
}

/** Validates parsed YAML as a rule file; throws one BadInputError listing every problem. */
export function validateRules(document: unknown, source: string): Rule[] {
  const file = ruleFileSchema.safeParse(document);
  if (!file.success) {
    throw new BadInputError(
      `scoring: rules file ${source} is not a rule file: ${file.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}. It needs 'version: 1' and a list of 'rules'.`,
    );
  }
  const problems: string[] = [];
  const rules: Rule[] = [];
  const seen = new Set<string>();
  file.data.rules.forEach((raw, index) => {
    const rawId =
      typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : `#${index + 1}`;
    const name = `rule '${rawId}'`;
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${name}: ${issue.path.join('.') || '(rule)'}: ${issue.message}`);
      }
      return;
    }
    const rule = parsed.data;
    if (seen.has(rule.id)) problems.push(`${name}: the id is used twice`);
    seen.add(rule.id);
    const fields = areaFields(rule.area);
    for (const c of comparisons(rule.when)) {
      for (const p of checkComparison(c, fields, rule.area)) problems.push(`${name}: ${p}`);
    }
    for (const p of placeholders(rule.reason)) {
      if (isProtected(p)) problems.push(`${name}: ${protectedMessage(p, 'its reason')}`);
      else if (!fields.has(p)) {
        problems.push(`${name}: the reason's {${p}} is not a field of the ${rule.area} area`);
      }
    }
    rules.push(rule);
  });
  if (problems.length > 0) {
    throw new BadInputError(
      `scoring: rules file ${source} has ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n  ${problems.join('\n  ')}`,
    );
  }
  return rules;
}

export function parseRules(text: string, source: string): Rule[] {
  return validateRules(parseYamlText(text, source, 'rules file'), source);
}

/** A validated rule set with where it came from and the hash of its text (model cards). */
export interface RuleSet {
  rules: Rule[];
  source: string;
  hash: string;
}

export async function loadRuleSet(path?: string): Promise<RuleSet> {
  const text = await readTextFile(path ?? defaultRulesPath, 'rules file');
  return {
    rules: parseRules(text, path ?? defaultRulesPath),
    source: path ?? 'default-rules.yaml',
    hash: createHash('sha256').update(text).digest('hex'),
  };
}
