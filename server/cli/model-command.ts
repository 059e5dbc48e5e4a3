// `ringwatch model list|show|activate`: the stored model versions, one card, and switching the
// active version (the previous one stays stored).
import type { Command } from 'commander';
import { areaFields } from '../scoring/fields.js';
import { modelCardMarkdown } from '../scoring/model-card.js';
import { activateModel, listModels } from '../scoring/model-store.js';
import { NotFoundError } from '../errors.js';
import { config, withDatabase } from './context.js';

const f3 = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(3));

export function registerModelCommands(program: Command): void {
  const model = program.command('model').description('list, show and activate risk model versions');
  model
    .command('list')
    .description('every stored model version, newest first')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      const models = await withDatabase(config().neo4j, (db) => listModels(db));
      if (options.json) {
        console.log(
          JSON.stringify(
            models.map(({ model: m, active }) => ({
              version: m.version,
              area: m.area,
              offence: m.offence,
              active,
              createdAt: m.createdAt,
              labels: m.training.labels,
              rocAuc: m.holdout?.full.rocAuc ?? null,
            })),
            null,
            2,
          ),
        );
        return;
      }
      if (models.length === 0) console.log('No model versions yet: run `ringwatch train`.');
      for (const { model: m, active } of models) {
        console.log(
          `${active ? '*' : ' '} ${m.version}  ${m.area}${m.offence === 'any' ? '' : `/${m.offence}`}  ${m.training.labels} labels  hold-out ROC AUC ${f3(m.holdout?.full.rocAuc)}`,
        );
      }
    });
  model
    .command('show <version>')
    .description('print the model card of one version (Markdown)')
    .action(async (version: string) => {
      const models = await withDatabase(config().neo4j, (db) => listModels(db));
      const found = models.find((m) => m.model.version === version);
      if (!found)
        throw new NotFoundError(
          `model: there is no version ${version}; \`ringwatch model list\` shows them`,
        );
      console.log(modelCardMarkdown(found.model, areaFields(found.model.area)));
    });
  model
    .command('activate <version>')
    .description('make a version the one `ringwatch score` uses for its area (others stay stored)')
    .action(async (version: string) => {
      const m = await withDatabase(config().neo4j, (db) => activateModel(db, version));
      console.log(
        `${m.version} is now the active ${m.area}${m.offence === 'any' ? '' : `/${m.offence}`} model; run \`ringwatch score\` to rescore.`,
      );
    });
}
