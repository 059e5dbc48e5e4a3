// `ringwatch analyze`: projection from Neo4j → graph algorithms → features written back onto
// the nodes (server/analytics/run-analysis.ts), with progress and a summary.
import { Option, type Command } from 'commander';
import { engineNames, type EngineName } from '../analytics/engine.js';
import { runAnalysis, type AnalysisSummary } from '../analytics/run-analysis.js';
import { formatBytes } from '../db/embedded/process-info.js';
import { config, withDatabase } from './context.js';
import { isoDateOption as isoDate, positiveIntOption as positiveInt } from './options.js';
import { ticker } from './progress.js';

interface AnalyzeOptions {
  engine: EngineName;
  asOf?: string;
  seed: number;
  restarts?: number;
  pageSize: number;
  batchSize: number;
  json?: boolean;
}

export function registerAnalyzeCommands(program: Command): void {
  program
    .command('analyze')
    .description(
      'compute the network features (components, Louvain communities, PageRank, degrees, hubs, fraud exposure, shared resources and linked bankrupt or fraud entities, director history, worker inflow, community aggregates; beside them, in Neo4j, the query features: short jobs, subcontracting, claim–work overlaps, self-employment, staff proximity) and write them onto the nodes',
    )
    .addOption(
      new Option(
        '--engine <engine>',
        "where components, Louvain and PageRank run: in-process (in Node, on typed arrays) or gds (Graph Data Science inside Neo4j, for graphs beyond Node's memory)",
      )
        .choices(engineNames)
        .default('in-process'),
    )
    .option(
      '--as-of <date>',
      'date ages and query features are measured from (default: the extraction date of the last load, else today)',
      isoDate,
    )
    .option('--seed <n>', 'Louvain seed (both engines: GDS Leiden takes it too)', positiveInt, 42)
    .option(
      '--restarts <n>',
      'Louvain runs to keep the best of (in-process; default 3 below 100 000 nodes, else 1)',
      positiveInt,
    )
    .option('--page-size <n>', 'source nodes per projection page', positiveInt, 5000)
    .option('--batch-size <n>', 'rows per write transaction', positiveInt, 2000)
    .option('--json', 'print the summary as JSON')
    .action(async (options: AnalyzeOptions) => {
      const t = ticker('Analyzing:');
      const summary = await withDatabase(config().neo4j, (db) =>
        runAnalysis(db, {
          engine: options.engine,
          ...(options.asOf !== undefined && { asOf: options.asOf }),
          seed: options.seed,
          ...(options.restarts !== undefined && { louvainRestarts: options.restarts }),
          pageSize: options.pageSize,
          batchSize: options.batchSize,
          onPhase: (phase, detail) => t.update(`${phase} ${detail}`.trim()),
        }),
      );
      t.done('done');
      const peakRss = process.resourceUsage().maxRSS * 1024;
      if (options.json) console.log(JSON.stringify({ ...summary, peakRssBytes: peakRss }, null, 2));
      else console.log(formatSummary(summary, peakRss));
    });
}

export function formatSummary(s: AnalysisSummary, peakRssBytes: number): string {
  const p = s.projection;
  return [
    `Analysis ${s.run} (as of ${s.asOf}, engine ${s.engine}) written in ${s.wallSeconds.toFixed(1)} s, peak memory ${formatBytes(peakRssBytes)}`,
    `  projection: ${p.nodes} nodes, ${p.links} links (${p.persons} persons, ${p.employers} employers, ${p.staff} officials, ${p.claims} claims, ${p.confirmedFraud} confirmed-fraud inspections) in ${p.pages} pages`,
    `  hubs: ${s.hubs.count}${s.hubs.top.length > 0 ? ` (largest: ${s.hubs.top.map((h) => `${h.node} ${h.degree}`).join(', ')})` : ''}; ${s.hubFlags.flagged} newly flagged, ${s.hubFlags.cleared} no longer hubs`,
    `  components: ${s.components.count}, largest ${s.components.largest} nodes`,
    `  communities: ${s.louvain.communities} (modularity ${Number.isNaN(s.louvain.modularity) ? 'n/a' : s.louvain.modularity.toFixed(4)}; ${s.louvain.matched} kept their id, ${s.louvain.created} new)`,
    `  exposure: ${s.exposure.seeds} seeds, ${s.exposure.exposedAboveHalfSeed} nodes at ≥ 0.5, ${s.exposure.iterations} iterations`,
    `  written: ${s.written.featureRows} feature rows, ${s.written.memberships} memberships changed, ${s.written.deleted} stale communities removed`,
    `  query features: ${Object.keys(s.queryFeatures.queries).length} queries wrote ${s.queryFeatures.rows} node rows`,
    `  seconds (the work alongside overlaps the algorithms): ${Object.entries(s.seconds)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ')}`,
  ].join('\n');
}
