// The model versions for the model page: every stored version (model-store.ts) with its
// training window, label counts, inputs and coefficients and hold-out metrics, and next to each
// the live hit rates per band of the cases closed since — model-driven ones against the
// random-audit control group (evaluation/live.ts, the same computation `ringwatch evaluate`
// writes). No personal data: coefficients and counts only, so not audited; the live figures
// of the internal-fraud area are left out for roles that may not see staff. Activating a
// version stays a command (`ringwatch model activate`).
import { z } from 'zod';
import { canSeeStaff, roles, type Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { readCaseOutcomes } from '../scoring/case-outcomes.js';
import { liveHitRates, liveVersionSchema } from '../scoring/evaluation/live.js';
import { areaOfSubject, areas, type Area } from '../scoring/areas.js';
import { publicHoldout, publicHoldoutSchema, trainedModelSchema } from '../scoring/model.js';
import { listModels } from '../scoring/model-store.js';
import { route, type RouteDef } from './route.js';
import { signedInViewer } from './signed-in.js';

/**
 * Every role: analysts compare versions, supervisors and admins oversee them, and investigators
 * (and the internal-fraud unit, which works as they do) act on the scores, so they may see
 * what a score is made of and how well it has done. The answer holds no personal data.
 */
export const modelAccess = roles;

const model = trainedModelSchema.shape;

export const ModelVersionSchema = z.object({
  version: model.version,
  area: model.area,
  offence: model.offence,
  active: z.boolean(),
  createdAt: model.createdAt,
  asOf: model.asOf,
  kind: model.kind,
  l2: model.l2,
  converged: model.converged,
  training: model.training,
  intercept: model.intercept,
  /** Each input with its coefficient (on the standardised input: comparable across inputs). */
  inputs: z.array(
    model.inputs.element.pick({ name: true, kind: true, transform: true }).extend({
      coefficient: z.number(),
    }),
  ),
  dropped: model.dropped,
  holdout: publicHoldoutSchema,
  notes: model.notes,
  /** The cases closed on entities scored with this version; null when none has closed. */
  live: liveVersionSchema.nullable(),
});
export type ModelVersion = z.infer<typeof ModelVersionSchema>;

export const ModelsSchema = z.object({
  /** Newest first. */
  models: z.array(ModelVersionSchema),
  /** Closed cases on entities an area scored by its rules alone (no model version). */
  rulesOnly: z.array(z.object({ area: z.enum(areas), live: liveVersionSchema })),
  /** Areas whose live figures this role may not see (internal fraud, for all but that unit). */
  liveHidden: z.array(z.enum(areas)),
});
export type Models = z.infer<typeof ModelsSchema>;

export async function readModels(db: Database, viewer: Viewer): Promise<Models> {
  const [stored, counts] = await Promise.all([listModels(db), readCaseOutcomes(db)]);
  const liveHidden: Area[] = canSeeStaff(viewer) ? [] : ['internal'];
  const live = liveHitRates(counts).flatMap((a) => {
    const area = areaOfSubject(a.area);
    return area && !liveHidden.includes(area) ? [{ ...a, area }] : [];
  });
  const byVersion = new Map(
    live.flatMap((a) => a.versions.map((v) => [`${a.area}/${v.modelVersion ?? ''}`, v] as const)),
  );
  return {
    models: stored.map(({ model: m, active }) => ({
      version: m.version,
      area: m.area,
      offence: m.offence,
      active,
      createdAt: m.createdAt,
      asOf: m.asOf,
      kind: m.kind,
      l2: m.l2,
      converged: m.converged,
      training: m.training,
      intercept: m.intercept,
      inputs: m.inputs.map((input, j) => ({
        name: input.name,
        kind: input.kind,
        transform: input.transform,
        coefficient: m.coefficients[j] ?? 0,
      })),
      dropped: m.dropped,
      holdout: publicHoldout(m.holdout),
      notes: m.notes,
      live: byVersion.get(`${m.area}/${m.version}`) ?? null,
    })),
    rulesOnly: live.flatMap((a) =>
      a.versions.filter((v) => v.modelVersion === null).map((v) => ({ area: a.area, live: v })),
    ),
    liveHidden,
  };
}

export function modelRoutes(db: Database): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/models',
      tag: 'models',
      summary:
        'Model versions with their training data, coefficients and hold-out metrics, and live hit rates per band next to the control group',
      description:
        'Newest first; `active` marks the version each area scores with (switch with `ringwatch model activate VERSION`). `live` counts the cases closed on entities scored with the version, per band as they were when the case was opened: model-driven (`risk_model`) against the random-audit control group, whose overall rate is the base rate. The internal-fraud area’s live figures are for the internal-fraud roles only.',
      access: modelAccess,
      response: ModelsSchema,
      handler: ({ viewer }) => readModels(db, signedInViewer(viewer)),
    }),
  ];
}
