// `ringwatch train`: learn a model per area (and per offence with enough labels) from closed
// inspections, with a time-based hold-out, and store each version with its model card.
import type { Command } from 'commander';
import path from 'node:path';
import { areaFields } from '../scoring/fields.js';
import { writeModelCard } from '../scoring/model-card.js';
import { scoringSetup } from '../scoring/setup.js';
import { analysisDate } from '../analytics/analysis-date.js';
import { train, type TrainOutcome } from '../scoring/train.js';
import { config, withDatabase } from './context.js';
import { withScoringOptions } from './options.js';
import { ticker } from './progress.js';

interface TrainOptions {
  config?: string;
  rules?: string;
  asOf?: string;
  activate?: boolean;
  cards: string;
  json?: boolean;
}

export function registerTrainCommand(program: Command): void {
  withScoringOptions(program.command('train'))
    .description(
      'learn a risk model per area from closed inspections (time-based hold-out, model card), and store it as a new version',
    )
    .option('--activate', 'make the new versions active even where a version is active already')
    .option('--cards <dir>', 'where the model cards go', 'reports/models')
    .option('--json', 'print the outcome as JSON')
    .action(async (options: TrainOptions) => {
      const setup = await scoringSetup(options);
      const t = ticker('Training:');
      const outcomes = await withDatabase(config().neo4j, async (db) => {
        const asOf = await analysisDate(db, options.asOf, new Date());
        return train(db, {
          config: setup.config,
          rules: setup.rules,
          asOf,
          ...(options.activate !== undefined && { activate: options.activate }),
          onPhase: (phase) => t.update(phase),
        });
      });
      t.done('done');
      const cards = await writeCards(outcomes, options.cards);
      if (options.json)
        console.log(
          JSON.stringify(
            outcomes.map((o) => summarise(o, cards)),
            null,
            2,
          ),
        );
      else console.log(outcomes.map((o) => formatOutcome(o, cards)).join('\n'));
    });
}

/** Writes the card of every trained version into `dir`; version → Markdown file. */
export async function writeCards(
  outcomes: readonly TrainOutcome[],
  dir: string,
): Promise<Record<string, string>> {
  const cards: Record<string, string> = {};
  for (const o of outcomes) {
    if (!o.trained) continue;
    const written = await writeModelCard(o.model, areaFields(o.area), path.resolve(dir));
    cards[o.model.version] = written.markdown;
  }
  return cards;
}

function summarise(o: TrainOutcome, cards: Record<string, string>) {
  if (!o.trained) return o;
  const { model } = o;
  return {
    area: o.area,
    offence: o.offence,
    version: model.version,
    activated: o.activated,
    labels: model.training.labels,
    holdout: model.holdout,
    card: cards[model.version],
  };
}

const f3 = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(3));

export function formatOutcome(o: TrainOutcome, cards: Record<string, string>): string {
  const name = `${o.area}${o.offence === 'any' ? '' : ` / ${o.offence}`}`;
  if (!o.trained) return `${name}: no model — ${o.reason}`;
  const m = o.model;
  const h = m.holdout;
  const holdout = h
    ? `hold-out from ${h.splitDate}: ROC AUC ${f3(h.full.rocAuc)} (intrinsic only ${f3(h.intrinsicOnly.rocAuc)}), PR AUC ${f3(h.full.prAuc)}, ${h.full.labels} test labels`
    : 'no hold-out (too few labels)';
  return [
    `${name}: ${m.version}${o.activated ? ' (active)' : ' (stored; `ringwatch model activate` to use it)'}`,
    `  ${m.training.labels} labels (${m.training.positives} confirmed), ${m.inputs.length} inputs, λ = ${m.l2}; ${holdout}`,
    `  model card: ${cards[m.version] ?? '—'}`,
  ].join('\n');
}
