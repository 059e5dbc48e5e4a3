// Changes to a case: assign (one or many, all or nothing), take, start, release, comment, add a
// measure. Each runs in one write transaction that first takes the case's lock and reads it
// (cypher/cases/lock), then asks the state machine (case-states.ts) — so a stale version or a
// move that is no longer allowed is refused with 409, never silently overwritten — and writes
// the change with the event that records who and when. Closing is close-case.ts.
import type { Role, Viewer } from '../auth/roles.js';
import { canSeeStaff } from '../auth/roles.js';
import type { Database, TransactionRun } from '../db/database.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { parseInput } from '../views/parse-input.js';
import {
  AssignInputSchema,
  CommentInputSchema,
  MeasureInputSchema,
  TransitionInputSchema,
  automaticMeasures,
  type AssignInput,
  type CaseDetail,
  type MeasureInput,
} from './case-schema.js';
import { caseWorkerRoles, decide, type CaseAction, type CaseState } from './case-states.js';
import { enqueueEvent } from './create-case.js';
import { readCase } from './read-case.js';

export interface ActionOptions {
  now?: Date;
}

const eventKind: Record<Exclude<CaseAction, 'close'>, string> = {
  assign: 'assigned',
  take: 'taken',
  start: 'started',
  release: 'released',
};

/** Takes the case's lock and reads it; 404 for a case this user may not see. */
export async function lockCase(
  run: TransactionRun,
  id: string,
  viewer: Viewer,
): Promise<CaseState & { hasStaff: boolean; origin: string; createdAt: string }> {
  const [row] = await run('cases/lock', { id });
  if (!row || (row.hasStaff && !canSeeStaff(viewer))) {
    throw new NotFoundError(`cases: no case ${id}; check the id`);
  }
  return { ...row, status: row.status as CaseState['status'] };
}

async function step(
  run: TransactionRun,
  id: string,
  action: Exclude<CaseAction, 'close'>,
  viewer: Viewer,
  version: number,
  at: string,
  extra: { assignee?: string; note?: string } = {},
): Promise<void> {
  const current = await lockCase(run, id, viewer);
  const next = decide(current, action, viewer, version, extra.assignee);
  if (action === 'assign') await checkAssignee(run, extra.assignee!, current.hasStaff);
  await run('cases/update', {
    id,
    set: { status: next.status, assignee: next.assignee },
    bump: 1,
    event: {
      kind: eventKind[action],
      by: viewer.username,
      from_status: current.status,
      to_status: next.status,
      assignee: next.assignee,
      text: extra.note ?? null,
    },
    at,
  });
}

const workers: readonly Role[] = caseWorkerRoles;

async function checkAssignee(run: TransactionRun, username: string, hasStaff: boolean) {
  const [user] = await run('cases/assignee', { username });
  const problem = !user
    ? 'no such account'
    : user.disabled
      ? 'the account is disabled'
      : !workers.includes(user.role as Role)
        ? `a ${user.role} does not work cases`
        : hasStaff && user.role !== 'internal_fraud' && user.role !== 'admin'
          ? 'a case about an official goes to the internal-fraud unit'
          : null;
  if (problem) {
    throw new BadInputError(`cases: cannot assign to ${username}: ${problem}`, [
      { path: 'assignee', message: problem },
    ]);
  }
}

/** Assigns cases to one user: all of them, or none when any is stale or not assignable. */
export async function assignCases(
  db: Database,
  raw: AssignInput,
  viewer: Viewer,
  options: ActionOptions = {},
): Promise<{ assigned: string[] }> {
  const input = parseInput(AssignInputSchema, raw, 'cases');
  const at = (options.now ?? new Date()).toISOString();
  const ids = [...new Set(input.cases.map((c) => c.id))];
  if (ids.length !== input.cases.length) {
    throw new BadInputError('cases: a case is listed twice', [{ path: 'cases', message: 'twice' }]);
  }
  await db.transaction('WRITE', async (run) => {
    // In id order: two bulk assignments over the same cases lock them in the same order.
    for (const c of [...input.cases].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      await step(run, c.id, 'assign', viewer, c.version, at, { assignee: input.assignee });
    }
  });
  return { assigned: ids };
}

export async function takeCase(
  db: Database,
  id: string,
  version: number,
  viewer: Viewer,
  options: ActionOptions = {},
): Promise<CaseDetail> {
  const at = (options.now ?? new Date()).toISOString();
  await db.transaction('WRITE', (run) => step(run, id, 'take', viewer, version, at));
  return readCase(db, id, viewer);
}

/** Starts work on a case (to in_progress) or puts it back in the queue (to new). */
export async function transitionCase(
  db: Database,
  id: string,
  raw: unknown,
  viewer: Viewer,
  options: ActionOptions = {},
): Promise<CaseDetail> {
  const input = parseInput(TransitionInputSchema, raw, 'cases');
  const at = (options.now ?? new Date()).toISOString();
  const action = input.to === 'in_progress' ? 'start' : 'release';
  await db.transaction('WRITE', (run) =>
    step(run, id, action, viewer, input.version, at, { ...(input.note && { note: input.note }) }),
  );
  return readCase(db, id, viewer);
}

/** A comment joins the history; it changes nothing else, so it needs no version. */
export async function commentCase(
  db: Database,
  id: string,
  raw: unknown,
  viewer: Viewer,
  options: ActionOptions = {},
): Promise<CaseDetail> {
  const input = parseInput(CommentInputSchema, raw, 'cases');
  const at = (options.now ?? new Date()).toISOString();
  await db.transaction('WRITE', async (run) => {
    const current = await lockCase(run, id, viewer);
    await run('cases/update', {
      id,
      set: {},
      bump: 0,
      event: { kind: 'comment', by: viewer.username, to_status: current.status, text: input.text },
      at,
    });
  });
  return readCase(db, id, viewer);
}

/**
 * A mitigation measure: a manual one (a visit, a letter…) is recorded as done; an automatic
 * one (suspending a payment…) is recorded as requested and sent to the external system
 * through the webhook outbox, in the same transaction.
 */
export async function addMeasure(
  db: Database,
  id: string,
  raw: MeasureInput,
  viewer: Viewer,
  options: ActionOptions = {},
): Promise<CaseDetail> {
  const input = parseInput(MeasureInputSchema, raw, 'cases');
  const at = (options.now ?? new Date()).toISOString();
  const automatic = (automaticMeasures as readonly string[]).includes(input.kind);
  await db.transaction('WRITE', async (run) => {
    const current = await lockCase(run, id, viewer);
    if (current.status === 'new') {
      throw new BadInputError(`cases: take or assign ${id} before adding measures`, [
        { path: 'kind', message: 'the case is new' },
      ]);
    }
    await run('cases/update', {
      id,
      set: {},
      bump: 0,
      event: {
        kind: 'measure',
        by: viewer.username,
        to_status: current.status,
        text: input.note ?? null,
        measure_kind: input.kind,
        measure_mode: automatic ? 'automatic' : 'manual',
        measure_status: automatic ? 'requested' : 'recorded',
      },
      at,
    });
    if (automatic) {
      await enqueueEvent(run, 'measure.requested', id, {
        at,
        by: viewer.username,
        measure: { kind: input.kind, note: input.note ?? null },
      });
    }
  });
  return readCase(db, id, viewer);
}
