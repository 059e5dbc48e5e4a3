// `ringwatch score`: probability, band and reasons for every employer, person and official,
// from the active models (or the rules where an area has none), written onto the nodes.
import type { Command } from 'commander';
import { score, type ScoreSummary } from '../scoring/score.js';
import { scoringSetup } from '../scoring/setup.js';
import { analysisDate } from '../analytics/analysis-date.js';
import { config, withDatabase } from './context.js';
import { withScoringOptions } from './options.js';
import { ticker } from './progress.js';

interface ScoreOptions {
  config?: string;
  rules?: string;
  asOf?: string;
  evidence: boolean;
  json?: boolean;
}

export function registerScoreCommand(program: Command): void {
  withScoringOptions(program.command('score'))
    .description(
      'score every employer, person and official with the active models and rules: probability, band (red, orange, green, blue) and reasons',
    )
    .option('--no-evidence', 'skip the network evidence lookup for red and orange entities')
    .option('--json', 'print the summary as JSON')
    .action(async (options: ScoreOptions) => {
      const setup = await scoringSetup(options);
      const t = ticker('Scoring:');
      const summary = await withDatabase(config().neo4j, async (db) =>
        score(db, {
          config: setup.config,
          rules: setup.rules.rules,
          asOf: await analysisDate(db, options.asOf, new Date()),
          evidence: options.evidence,
          onPhase: (phase, detail) => t.update(`${phase} ${detail ?? ''}`.trim()),
        }),
      );
      t.done('done');
      console.log(options.json ? JSON.stringify(summary, null, 2) : formatScoreSummary(summary));
    });
}

export function formatScoreSummary(s: ScoreSummary): string {
  const lines = [`Scores ${s.run} (as of ${s.asOf})`];
  for (const a of s.areas) {
    lines.push(
      `  ${a.area}: ${a.entities} scored with ${a.model}${a.offenceModels.length ? ` + ${a.offenceModels.length} offence models` : ''} in ${s.seconds[a.area]?.toFixed(1)} s — red ${a.bands.red}, orange ${a.bands.orange}, green ${a.bands.green}, blue ${a.bands.blue}${a.scopes > 1 ? ` over ${a.scopes} sector/region groups` : ''}`,
    );
    for (const top of a.top.slice(0, 3)) {
      lines.push(`    ${top.id} ${top.score.toFixed(3)}  ${top.reason ?? ''}`);
    }
  }
  return lines.join('\n');
}
