// What train, score and evaluate share: the as-of date (the extraction date of the last load,
// so "within 3 years" is measured from the data, not from today), the configuration and the
// rule set with its hash.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Database } from '../db/database.js';
import { defaultRulesPath, parseRules } from './rules/load-rules.js';
import { loadScoringConfig, type ScoringConfig } from './scoring-config.js';
import type { RuleSet } from './train.js';
import { BadInputError } from '../errors.js';

export async function resolveAsOf(db: Database, explicit?: string): Promise<string> {
  if (explicit) return explicit;
  const [row] = await db.read('scoring/latest-extraction', {});
  return row?.extractedOn?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
}

export async function loadRuleSet(path?: string): Promise<RuleSet> {
  const source = path ?? defaultRulesPath;
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch {
    throw new BadInputError(`scoring: cannot read the rules file ${source}; check the path`);
  }
  return {
    rules: parseRules(text, source),
    source: path ?? 'default-rules.yaml',
    hash: createHash('sha256').update(text).digest('hex'),
  };
}

export interface ScoringSetup {
  config: ScoringConfig;
  rules: RuleSet;
}

export async function scoringSetup(options: {
  config?: string;
  rules?: string;
}): Promise<ScoringSetup> {
  const config = await loadScoringConfig(options.config);
  const rules = await loadRuleSet(options.rules ?? config.rules);
  return { config, rules };
}
