// The control group: a fixed share of the queue's slots goes to entities drawn uniformly at
// random (origin `random_audit`), whatever their score, so the hit rate of the model-driven
// cases can be set against the true base rate, free of the selection bias of inspecting only
// what the model flags (DESIGN.md, "Scoring"). After each model-driven case, per subject type,
// cases are drawn until random / (model + random) reaches the share.
import { randomInt } from 'node:crypto';
import type { Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import type { EntityType } from '../views/entity-types.js';
import { openCase } from './create-case.js';

export interface ControlOptions {
  /** Share of new slots for random audits, 0 (none) to 0.5. */
  controlShare: number;
  /** Draws a whole number in [0, n): crypto's by default; tests pass a seeded one. */
  randomInt?: (n: number) => number;
  now?: Date;
  /** Only entities whose id starts with this (tests and scoped runs; default everyone). */
  scope?: string;
}

/** How many random-audit cases the share asks for next to `model` model-driven ones. */
export function controlTarget(model: number, share: number): number {
  if (share <= 0) return 0;
  return Math.floor((share * model) / (1 - share) + 1e-9);
}

const MAX_DRAWS = 50;
/** Who opens control cases, in the case history and the audit trail. */
export const CONTROL_GROUP_USER = 'control-group';

/** Draws control cases for `type` until the share is met; returns how many were opened. */
export async function topUpControlGroup(
  db: Database,
  type: EntityType,
  viewer: Viewer,
  options: ControlOptions,
): Promise<number> {
  const scope = options.scope ?? '';
  const [counts] = await db.read('cases/origin-counts', { type, scope });
  const missing = controlTarget(counts?.model ?? 0, options.controlShare) - (counts?.random ?? 0);
  if (missing <= 0) return 0;
  const [population] = await db.read('cases/population', { type, scope });
  const total = population?.total ?? 0;
  if (total === 0) return 0;
  const draw = options.randomInt ?? ((n: number) => randomInt(n));
  let opened = 0;
  for (let tries = 0; opened < missing && tries < MAX_DRAWS; tries++) {
    const [entity] = await db.read('cases/entity-at', {
      type,
      scope,
      offset: draw(total),
    });
    // Already under inspection: draw again (the population is everyone without an open case).
    if (!entity || entity.open) continue;
    await openCase(
      db,
      {
        refs: [{ type, id: entity.id }],
        origin: 'random_audit',
        title: `Control group: ${type} ${entity.id}, drawn at random`,
        note: `Drawn at random for the control group when ${viewer.username} opened a model-driven case: inspect it as any other; its outcome measures the base rate.`,
      },
      CONTROL_GROUP_USER,
      options.now,
    );
    opened++;
  }
  return opened;
}
