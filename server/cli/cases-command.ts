// `ringwatch cases plan|list|export|simulate`: the case queue from the command line. `plan`
// opens model-driven cases for the top of a ranking (with the control group drawn alongside);
// `simulate` closes open cases from a synthetic data set's ground truth, so the feedback loop
// (plan → simulate → train → evaluate) can be shown end to end. The command line acts as an
// admin named `cli:<os user>`, recorded in the case histories and in the audit trail.
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { Viewer } from '../auth/roles.js';
import { casesCsv, exportCases } from '../cases/export-cases.js';
import { listCases } from '../cases/list-cases.js';
import { planCases } from '../cases/plan-cases.js';
import { simulateCases } from '../cases/simulate-cases.js';
import { BadInputError } from '../errors.js';
import { readTruth } from '../scoring/evaluation/truth-recall.js';
import { config, withDatabase } from './context.js';
import { recordCli } from './users-command.js';

const cliViewer = (): Viewer => ({ username: `cli:${userInfo().username}`, role: 'admin' });

const number = (name: string, min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new BadInputError(`cases: --${name} takes a number from ${min} to ${max}, not ${value}`);
  }
  return n;
};

interface FilterOptions {
  type: string;
  band?: string;
  sector?: string;
  region?: string;
  offence?: string;
}

const filterOf = (o: FilterOptions) => ({
  type: o.type as 'employer' | 'person' | 'staff',
  ...(o.band && { band: o.band }),
  ...(o.sector && { sector: o.sector }),
  ...(o.region && { region: o.region }),
  ...(o.offence && { offence: o.offence as never }),
});

/** Adds the case subcommands to `ringwatch cases` (the delivery ones live beside them). */
export function addCaseCommands(cases: Command): void {
  cases
    .command('plan')
    .description(
      'open a model-driven case for each of the top entities of a ranking without an open case (the control group is drawn alongside)',
    )
    .option('-t, --type <type>', 'employer, person or staff', 'employer')
    .option('-b, --band <bands>', 'bands, comma-separated', 'red')
    .option('--sector <nace>', 'NACE section or code prefix')
    .option('--region <region>', 'region')
    .option('--offence <offence>', 'offence the ranking is for')
    .option('-n, --limit <n>', 'how many cases to open', number('limit', 1, 10_000), 20)
    .action(async (o: FilterOptions & { limit: number }) => {
      const cfg = config();
      await withDatabase(cfg.neo4j, async (db) => {
        const result = await planCases(db, cliViewer(), {
          filter: filterOf(o),
          limit: o.limit,
          controlShare: cfg.cases.controlShare,
        });
        await recordCli(db, `cases plan ${o.type} ${o.band ?? ''}: ${result.opened.join(' ')}`);
        console.log(
          `Opened ${result.opened.length} case(s)${result.opened.length ? ` (${result.opened[0]} … ${result.opened[result.opened.length - 1]})` : ''}; ${result.skippedOpen} already had an open case; ${result.controlCasesDrawn} control-group case(s) drawn at random (share ${cfg.cases.controlShare}).`,
        );
      });
    });
  cases
    .command('list')
    .description('the queue: open cases, newest first')
    .option('-s, --status <statuses>', 'statuses, comma-separated', 'new,assigned,in_progress')
    .option('-n, --limit <n>', 'at most this many', number('limit', 1, 200), 50)
    .option('--json', 'print as JSON')
    .action(async (o: { status: string; limit: number; json?: boolean }) => {
      const list = await withDatabase(config().neo4j, (db) =>
        listCases(db, { status: o.status, limit: o.limit }, cliViewer()),
      );
      if (o.json) {
        console.log(JSON.stringify(list, null, 2));
        return;
      }
      console.log(
        Object.entries(list.counts)
          .map(([s, n]) => `${s.replace('_', ' ')} ${n}`)
          .join(' · '),
      );
      for (const c of list.items) {
        console.log(
          `${c.id}  ${c.status.padEnd(11)} ${(c.band ?? '-').padEnd(6)} ${c.origin.padEnd(12)} ${(c.assignee ?? '-').padEnd(20)} ${c.title}`,
        );
      }
    });
  cases
    .command('export')
    .description('export the queue (every status unless --status) as CSV or JSON')
    .option('-s, --status <statuses>', 'statuses, comma-separated')
    .option('-f, --format <format>', 'csv or json', 'csv')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (o: { status?: string; format: string; out?: string }) => {
      if (o.format !== 'csv' && o.format !== 'json') {
        throw new BadInputError(`cases: --format takes csv or json, not ${o.format}`);
      }
      const data = await withDatabase(config().neo4j, async (db) => {
        const exported = await exportCases(
          db,
          { format: o.format as 'csv', ...(o.status && { status: o.status }) },
          cliViewer(),
        );
        await recordCli(db, `cases export (${exported.cases.length} cases)`);
        return exported;
      });
      const text = o.format === 'csv' ? casesCsv(data) : JSON.stringify(data, null, 2) + '\n';
      if (o.out) {
        await writeFile(o.out, text);
        console.error(`Wrote ${data.cases.length} case(s) to ${o.out}.`);
      } else process.stdout.write(text);
    });
  cases
    .command('simulate')
    .description(
      "close every open case from a synthetic data set's ground truth (demonstrates the feedback loop)",
    )
    .requiredOption(
      '--truth <dir>',
      'the DIR.truth folder `ringwatch generate` wrote beside the data',
    )
    .option(
      '--miss-rate <share>',
      'share of culpable entities inspectors miss',
      number('miss-rate', 0, 1),
      0.2,
    )
    .option('--seed <n>', 'seed of the misses', number('seed', 0, 2 ** 31), 1)
    .action(async (o: { truth: string; missRate: number; seed: number }) => {
      const truth = await readTruth(o.truth);
      const result = await withDatabase(config().neo4j, async (db) => {
        const r = await simulateCases(db, cliViewer(), {
          truth,
          missRate: o.missRate,
          seed: o.seed,
        });
        await recordCli(db, `cases simulate --truth ${o.truth} (${r.closed} closed)`);
        return r;
      });
      console.log(
        `Closed ${result.closed} case(s): ${result.confirmed} confirmed, ${result.unfounded} unfounded (${result.missed} culpable entities missed at a miss rate of ${o.missRate}). Retrain with \`ringwatch train\` and compare with \`ringwatch evaluate\`.`,
      );
    });
}
