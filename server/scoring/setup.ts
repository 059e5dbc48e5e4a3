// What train, score and evaluate share: the configuration and the rule set with its hash. (The
// as-of date is analytics' analysisDate: the extraction date of the last load.)
import { loadRuleSet, type RuleSet } from './rules/load-rules.js';
import { loadScoringConfig, type ScoringConfig } from './scoring-config.js';

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
