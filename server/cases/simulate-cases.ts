// `ringwatch cases simulate --truth DIR.truth`: plays the inspectors of a synthetic data set, so
// the whole feedback loop can be shown and tested. Every open case (of the scope) is taken,
// started and closed through the same services a person uses — its history says so — with the
// outcome the ground truth gives: an entity planted in a fraud ring in a culpable role (the
// generator's own notion: fixtures/plant/ring.ts) is confirmed for its pattern's offence,
// except that inspectors miss `missRate` of them; anyone else is unfounded.
import { PATTERN_INFO } from '../../fixtures/patterns.js';
import { BYSTANDER_ROLES } from '../../fixtures/plant/ring.js';
import { seededRng } from '../analytics/rng.js';
import type { Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import type { Truth } from '../scoring/evaluation/truth-recall.js';
import { takeCase, transitionCase } from './case-actions.js';
import type { CloseInput } from './case-schema.js';
import { closeCase } from './close-case.js';
import { filterParams } from './list-cases.js';
import { readCase } from './read-case.js';

export interface SimulateOptions {
  truth: Truth;
  /** Share of culpable entities the inspection misses (closed unfounded). */
  missRate: number;
  seed: number;
  /** Only cases whose primary entity's id starts with this (default all). */
  scope?: string;
  now?: Date;
}

export interface SimulateResult {
  closed: number;
  confirmed: number;
  unfounded: number;
  missed: number;
}

/** Culpable entities of the truth (`type:id`) and the offence an inspection would find. */
export function culpable(truth: Truth): Map<string, string> {
  const found = new Map<string, string>();
  for (const row of truth.entities) {
    if (row.decoy || row.entity_type === 'account' || BYSTANDER_ROLES.has(row.role ?? '')) continue;
    const key = `${row.entity_type}:${row.entity_id}`;
    if (!found.has(key)) found.set(key, PATTERN_INFO[row.pattern].offence);
  }
  return found;
}

export async function simulateCases(
  db: Database,
  viewer: Viewer,
  options: SimulateOptions,
): Promise<SimulateResult> {
  const guilty = culpable(options.truth);
  const rng = seededRng(options.seed);
  const at = options.now ? { now: options.now } : {};
  const result: SimulateResult = { closed: 0, confirmed: 0, unfounded: 0, missed: 0 };
  const open = await db.read('cases/list', {
    ...filterParams({}, viewer),
    statuses: ['new', 'assigned', 'in_progress'],
    sort: 'newest',
    afterScore: null,
    afterId: null,
    limit: 1_000_000,
  });
  const ids = open
    .map((r) => ({ id: String(r.c.id), subject: String(r.c.subject_id) }))
    .filter((c) => c.subject.startsWith(options.scope ?? ''))
    .map((c) => c.id)
    .sort();
  for (const id of ids) {
    let c = await readCase(db, id, viewer);
    if (c.status === 'new') c = await takeCase(db, id, c.version, viewer, at);
    if (c.status === 'assigned') {
      c = await transitionCase(db, id, { version: c.version, to: 'in_progress' }, viewer, at);
    }
    const entities = c.entities.map((e) => {
      const offence = guilty.get(`${e.type}:${e.id}`);
      const caught = offence !== undefined && rng() >= options.missRate;
      if (offence !== undefined && !caught) result.missed++;
      return { type: e.type, id: e.id, outcome: caught ? 'confirmed' : 'unfounded', offence };
    });
    const first = entities.find((e) => e.outcome === 'confirmed');
    const close: CloseInput = {
      version: c.version,
      outcome: first ? 'confirmed' : 'unfounded',
      ...(first?.offence && { offence: first.offence as CloseInput['offence'] }),
      note: 'closed by the simulation from the synthetic ground truth',
      entities: entities.map((e) => ({
        type: e.type,
        id: e.id,
        outcome: e.outcome as 'confirmed' | 'unfounded',
        offence: (e.outcome === 'confirmed' ? e.offence : 'none') as CloseInput['offence'],
      })),
    };
    await closeCase(db, id, close, viewer, at);
    result.closed++;
    if (first) result.confirmed++;
    else result.unfounded++;
  }
  return result;
}
