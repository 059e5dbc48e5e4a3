// `ringwatch generate`: a synthetic data set in the contract's format, with planted fraud rings,
// their decoys and the ground truth beside it (fixtures/).
import type { Command } from 'commander';
import { generateDataset } from '../../fixtures/generate.js';
import { SCENARIOS, type Scenario } from '../../fixtures/options.js';
import { bar } from './progress.js';

interface GenerateFlags {
  persons?: string;
  scenario?: string;
  seed: string;
  out: string;
  fraudScale: string;
  extractedOn?: string;
}

function number(flag: string, value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isFinite(n)) throw new Error(`generate: ${flag} ${value} is not a number`);
  return n;
}

export function personsFor(flags: Pick<GenerateFlags, 'persons' | 'scenario'>): number {
  if (flags.persons !== undefined) return number('--persons', flags.persons);
  if (flags.scenario === undefined) {
    throw new Error(
      'generate: say how many persons, with --persons N or --scenario small|demo|large|national',
    );
  }
  if (!(flags.scenario in SCENARIOS)) {
    throw new Error(
      `generate: --scenario ${flags.scenario} is unknown; use one of ${Object.keys(SCENARIOS).join(', ')}`,
    );
  }
  return SCENARIOS[flags.scenario as Scenario];
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description(
      'write a synthetic data set (contract CSV files + manifest.json) with planted fraud rings and decoys; ground truth goes to DIR.truth/',
    )
    .requiredOption('-o, --out <dir>', 'folder to write the data set to (created if needed)')
    .option('-n, --persons <n>', 'number of persons (overrides --scenario)')
    .option(
      '--scenario <name>',
      `preset size: ${Object.entries(SCENARIOS)
        .map(([k, v]) => `${k} (${v.toLocaleString('en')})`)
        .join(', ')}`,
    )
    .option('-s, --seed <n>', 'random seed: the same seed and options give identical files', '1')
    .option('--fraud-scale <x>', 'multiplies every planted pattern rate (0 = no fraud)', '1')
    .option('--extracted-on <date>', 'extraction date of the data set (YYYY-MM-DD)')
    .action(async (flags: GenerateFlags) => {
      const persons = personsFor(flags);
      const progress = bar('Generating', persons, 'persons');
      const started = Date.now();
      const summary = await generateDataset(
        {
          persons,
          seed: number('--seed', flags.seed),
          out: flags.out,
          fraudScale: number('--fraud-scale', flags.fraudScale),
          ...(flags.extractedOn !== undefined ? { extractedOn: flags.extractedOn } : {}),
        },
        (p) => progress.update(p.persons),
      );
      progress.stop();
      const seconds = (Date.now() - started) / 1000;
      const rings = Object.entries(summary.rings)
        .map(([pattern, n]) => `${pattern} ${n.fraud}+${n.decoy} decoys`)
        .join(', ');
      console.log(
        [
          `Wrote ${summary.totalRows.toLocaleString('en')} rows for ${summary.persons.toLocaleString('en')} persons to ${summary.out} in ${seconds.toFixed(1)} s (${Math.round(summary.totalRows / seconds).toLocaleString('en')} rows/s).`,
          `Planted rings: ${rings}.`,
          `Ground truth (never load it as data): ${summary.truthDir}`,
        ].join('\n'),
      );
    });
}
