// Benchmark of `ringwatch generate` (issue 3): rows/s and peak RSS at 1 M persons, next to two
// peers measured in the same run on the same machine: csv-stringify writing the same number of
// rows per file (sampled from the generated files, so the same shapes and lengths), and the raw
// file-system ceiling (writing the same bytes in 1 MiB chunks). Each measurement runs in a child
// process of its own so that its peak RSS is its own. Medians of --runs runs; figures go to
// bench/results/generate.json.
//   node --import tsx bench/generate.ts [--persons 1000000] [--runs 3]
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { generateDataset } from '../fixtures/generate.js';

interface Measure {
  seconds: number;
  rows: number;
  bytes: number;
  peakRssMb: number;
  extra?: unknown;
}

const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};

async function dirBytes(dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const f of (await readdir(dir)).sort()) out[f] = (await stat(path.join(dir, f))).size;
  return out;
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function childGenerate(persons: number, out: string): Promise<Measure> {
  const started = process.hrtime.bigint();
  const summary = await generateDataset({ persons, seed: 1, out });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const bytes = Object.values(summary.bytes).reduce((a, b) => a + b, 0);
  return {
    seconds,
    rows: summary.totalRows,
    bytes,
    peakRssMb: peakRssMb(),
    extra: {
      rows: summary.rows,
      bytes: summary.bytes,
      rings: summary.rings,
      planted: summary.plantedEntities,
    },
  };
}

/** Reads up to `n` rows of a CSV file (as arrays) to use as the peer's sample. */
async function sample(
  file: string,
  n: number,
): Promise<{ header: string[]; rows: string[][]; total: number }> {
  const parser = createReadStream(file).pipe(parse({ relax_column_count: true }));
  let header: string[] = [];
  const rows: string[][] = [];
  let total = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    if (header.length === 0) {
      header = record;
      continue;
    }
    total++;
    if (rows.length < n) rows.push(record);
  }
  return { header, rows, total };
}

async function childCsvStringify(source: string, out: string): Promise<Measure> {
  const files = (await readdir(source)).filter((f) => f.endsWith('.csv')).sort();
  const samples = await Promise.all(files.map((f) => sample(path.join(source, f), 2000)));
  const started = process.hrtime.bigint();
  let rows = 0;
  for (const [i, f] of files.entries()) {
    const { header, rows: pool, total } = samples[i]!;
    const file = createWriteStream(path.join(out, f));
    const csv = stringify({ header: true, columns: header });
    csv.pipe(file);
    for (let r = 0; r < total; r++) {
      if (!csv.write(pool[r % pool.length])) await once(csv, 'drain');
    }
    csv.end();
    await once(file, 'finish');
    rows += total;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const bytes = Object.values(await dirBytes(out)).reduce((a, b) => a + b, 0);
  return { seconds, rows, bytes, peakRssMb: peakRssMb() };
}

async function childRawWrite(bytes: number, rows: number, out: string): Promise<Measure> {
  const chunk = Buffer.alloc(1 << 20, 'x,y,z\n');
  const started = process.hrtime.bigint();
  const file = createWriteStream(path.join(out, 'raw.bin'));
  for (let written = 0; written < bytes; written += chunk.length) {
    if (!file.write(chunk)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, rows, bytes, peakRssMb: peakRssMb() };
}

function runChild(mode: string, extra: string[]): Measure {
  const result = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', mode, ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) throw new Error(`bench: child ${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as Measure;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const child = flag('--child', '');
  if (child) {
    const out = flag('--out', '');
    const m =
      child === 'generate'
        ? await childGenerate(Number(flag('--persons', '1000')), out)
        : child === 'csv-stringify'
          ? await childCsvStringify(flag('--source', ''), out)
          : await childRawWrite(Number(flag('--bytes', '0')), Number(flag('--rows', '0')), out);
    console.log(JSON.stringify(m));
    return;
  }
  const persons = Number(flag('--persons', '1000000'));
  const runs = Number(flag('--runs', '3'));
  const work = mkdtempSync(path.join(tmpdir(), 'rw-bench-gen-'));
  const results: Record<string, Measure[]> = { generate: [], 'csv-stringify': [], 'raw-write': [] };
  try {
    for (let r = 0; r < runs; r++) {
      const data = path.join(work, 'data');
      rmSync(data, { recursive: true, force: true });
      rmSync(`${data}.truth`, { recursive: true, force: true });
      const gen = runChild('generate', ['--persons', String(persons), '--out', data]);
      results.generate!.push(gen);
      const peer = path.join(work, 'peer');
      rmSync(peer, { recursive: true, force: true });
      await mkdir(peer, { recursive: true });
      results['csv-stringify']!.push(runChild('csv-stringify', ['--source', data, '--out', peer]));
      rmSync(peer, { recursive: true, force: true });
      await mkdir(peer, { recursive: true });
      results['raw-write']!.push(
        runChild('raw-write', [
          '--bytes',
          String(gen.bytes),
          '--rows',
          String(gen.rows),
          '--out',
          peer,
        ]),
      );
      const line = Object.entries(results)
        .map(([k, v]) => {
          const m = v[v.length - 1]!;
          return `${k} ${Math.round(m.rows / m.seconds).toLocaleString('en')} rows/s, ${m.peakRssMb} MB`;
        })
        .join(' | ');
      console.log(`run ${r + 1}/${runs}: ${line}`);
    }
    const summary = Object.fromEntries(
      Object.entries(results).map(([k, v]) => [
        k,
        {
          rowsPerSecond: Math.round(median(v.map((m) => m.rows / m.seconds))),
          seconds: Number(median(v.map((m) => m.seconds)).toFixed(2)),
          mbPerSecond: Number(median(v.map((m) => m.bytes / 1e6 / m.seconds)).toFixed(1)),
          peakRssMb: Math.max(...v.map((m) => m.peakRssMb)),
          runs: v.map((m) => Math.round(m.rows / m.seconds)),
        },
      ]),
    ) as Record<string, { rowsPerSecond: number; peakRssMb: number }>;
    const gen = summary.generate!;
    const first = results.generate![0]!;
    const report = {
      what: 'ringwatch generate: rows/s and peak RSS, next to csv-stringify and the raw write ceiling',
      persons,
      runs,
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      rows: first.rows,
      bytes: first.bytes,
      ...summary,
      ratios: {
        generateVsCsvStringify: Number(
          (gen.rowsPerSecond / summary['csv-stringify']!.rowsPerSecond).toFixed(2),
        ),
        generateVsRawWrite: Number(
          (gen.rowsPerSecond / summary['raw-write']!.rowsPerSecond).toFixed(3),
        ),
      },
      target: { rowsPerSecond: 200_000, met: gen.rowsPerSecond >= 200_000 },
      dataset: first.extra,
      truthBytes: await dirBytes(path.join(work, 'data.truth')),
    };
    const file = path.join(path.dirname(self), 'results', 'generate.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify({ ...report, dataset: undefined }, null, 2));
    console.log(`written to ${path.relative(process.cwd(), file)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
