// Model versions live in the graph as (:Model {version, area, offence, active, body}) where the
// body is the model's JSON (model.ts). Training adds a version; activating one is a single
// command and leaves the others in place, so a previous version can always be brought back.
import type { Database } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import { trainedModelSchema, type TrainedModel } from './model.js';

export interface StoredModel {
  model: TrainedModel;
  active: boolean;
}

export async function saveModel(db: Database, model: TrainedModel): Promise<void> {
  await db.write('scoring/save-model', {
    version: model.version,
    area: model.area,
    offence: model.offence,
    createdAt: model.createdAt,
    body: JSON.stringify(model),
  });
}

export async function listModels(db: Database): Promise<StoredModel[]> {
  const rows = await db.read('scoring/models', {});
  return rows.map((row) => ({
    model: trainedModelSchema.parse(JSON.parse(row.body)),
    active: row.active,
  }));
}

export async function activateModel(db: Database, version: string): Promise<TrainedModel> {
  const [row] = await db.write('scoring/activate-model', { version });
  if (!row) {
    throw new NotFoundError(
      `scoring: there is no model version ${version}; \`ringwatch model list\` shows them`,
    );
  }
  return trainedModelSchema.parse(JSON.parse(row.body));
}

/** The active model of each area and offence (`employer/any`, `employer/phoenix`, …). */
export async function activeModels(db: Database): Promise<Map<string, TrainedModel>> {
  const active = new Map<string, TrainedModel>();
  for (const { model, active: isActive } of await listModels(db)) {
    if (isActive) active.set(`${model.area}/${model.offence}`, model);
  }
  return active;
}
