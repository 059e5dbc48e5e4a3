// Closing a case: the human decision and its outcome. In one transaction, under the case's
// lock: the state machine's check (only an in-progress case closes, at its current version),
// the outcome on the case, one inspection per entity it concerns — the labels `ringwatch
// train` learns from, with the case's origin (risk_model or random_audit) and the snapshot
// that chose it — and the `case.closed` webhook message.
import type { Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { BadInputError } from '../errors.js';
import { parseInput } from '../views/parse-input.js';
import { lockCase, type ActionOptions } from './case-actions.js';
import { CloseInputSchema, type CaseDetail, type CloseInput } from './case-schema.js';
import { decide } from './case-states.js';
import { enqueueEvent } from './create-case.js';
import { readCase } from './read-case.js';

export async function closeCase(
  db: Database,
  id: string,
  raw: CloseInput,
  viewer: Viewer,
  options: ActionOptions = {},
): Promise<CaseDetail> {
  const input = parseInput(CloseInputSchema, raw, 'cases');
  const at = (options.now ?? new Date()).toISOString();
  await db.transaction('WRITE', async (run) => {
    const current = await lockCase(run, id, viewer);
    decide(current, 'close', viewer, input.version);
    const [detail] = await run('cases/detail', { id });
    if (!detail) throw new Error(`cases: ${id} vanished under its own lock`);
    const suspected = typeof detail.c.offence === 'string' ? detail.c.offence : null;
    const caseOffence =
      input.offence ?? (input.outcome === 'unfounded' ? (suspected ?? 'none') : 'none');
    const overrides = new Map((input.entities ?? []).map((e) => [`${e.type}:${e.id}`, e]));
    for (const key of overrides.keys()) {
      if (!detail.entities.some((e) => `${e.type}:${e.id}` === key)) {
        throw new BadInputError(`cases: ${key} is not one of the entities of ${id}`, [
          { path: 'entities', message: `${key} is not in the case` },
        ]);
      }
    }
    const primary = `${String(detail.c.subject_type)}:${String(detail.c.subject_id)}`;
    const rows = detail.entities.map((e) => {
      const own = overrides.get(`${e.type}:${e.id}`);
      const outcome = own?.outcome ?? input.outcome;
      const offence =
        own?.offence ?? (outcome === input.outcome ? caseOffence : (suspected ?? 'none'));
      if (outcome === 'confirmed' && offence === 'none') {
        throw new BadInputError(`cases: name the offence found for ${e.type} ${e.id}`, [
          { path: 'entities', message: `${e.type}:${e.id} confirmed without an offence` },
        ]);
      }
      return {
        id: `I-${id}-${e.type}-${e.id}`,
        subjectType: e.type,
        subjectId: e.id,
        openedOn: current.createdAt.slice(0, 10),
        closedOn: at.slice(0, 10),
        offence,
        outcome,
        origin: current.origin,
        // What was recovered is the case's; it is booked on its primary entity.
        recoveredEur: `${e.type}:${e.id}` === primary ? input.recoveredEur : 0,
        caseId: id,
        band: e.band,
        score: e.score,
        model: e.modelVersion,
      };
    });
    await run('cases/write-inspections', { rows });
    await run('cases/update', {
      id,
      set: {
        status: 'closed',
        outcome: input.outcome,
        offence: caseOffence,
        recovered_eur: input.recoveredEur,
        close_note: input.note ?? null,
        closed_by: viewer.username,
      },
      bump: 1,
      event: {
        kind: 'closed',
        by: viewer.username,
        from_status: current.status,
        to_status: 'closed',
        assignee: current.assignee,
        text: input.note ?? `${input.outcome}${caseOffence === 'none' ? '' : `: ${caseOffence}`}`,
      },
      at,
    });
    await enqueueEvent(run, 'case.closed', id, { at, by: viewer.username });
  });
  return readCase(db, id, viewer);
}
