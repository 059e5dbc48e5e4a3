// `ringwatch export scores --out FILE.csv`: the scores for other systems.
import type { Command } from 'commander';
import { exportScores } from '../scoring/export-scores.js';
import { config, withDatabase } from './context.js';

export function registerExportCommand(program: Command): void {
  const exporter = program.command('export').description('export results for other systems');
  exporter
    .command('scores')
    .description(
      'every risk score as CSV: entity type, id, probability, band, rank, model, offences, top reasons',
    )
    .requiredOption('--out <file>', 'the CSV file to write')
    .action(async (options: { out: string }) => {
      const counts = await withDatabase(config().neo4j, (db) => exportScores(db, options.out));
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      console.log(
        `Wrote ${total} scores to ${options.out} (${Object.entries(counts)
          .map(([t, n]) => `${n} ${t}`)
          .join(', ')})`,
      );
    });
}
