// `ringwatch features`: every network feature of the registry, with what it means and whether
// a graph algorithm (in-process) or a Cypher query (in the database) computes it.
import type { Command } from 'commander';
import { featureRegistry, isQueryFeature } from '../analytics/features/index.js';

export function registerFeaturesCommand(program: Command): void {
  program
    .command('features')
    .description('list the network features `ringwatch analyze` writes, with their meaning')
    .option('--json', 'print them as JSON')
    .action((options: { json?: boolean }) => {
      const rows = featureRegistry.map((f) => ({
        name: f.name,
        entities: f.entities,
        kind: isQueryFeature(f) ? ('query' as const) : ('graph' as const),
        type: f.type,
        unit: f.unit,
        description: f.description,
        computed: f.computed,
      }));
      if (options.json) {
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      for (const f of rows) {
        console.log(`${f.name} (${f.type}, ${f.unit}) on ${f.entities.join(', ')} [${f.kind}]`);
        console.log(`  ${f.description}`);
        console.log(`  computed: ${f.computed}`);
      }
    });
}
