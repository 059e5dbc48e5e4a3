// The case state machine: new → assigned → in progress → closed, and who may move a case.
// Pure: the store (case-store.ts) reads the case under a write lock, asks `decide`, and writes
// the answer in the same transaction, so the rules hold for every server and the command line.
//
//   assign   new|assigned|in_progress → assigned   supervisor, admin (bulk); a reassignment
//                                                  keeps a case in progress in progress
//   take     new → assigned (to oneself)           case workers
//   start    assigned → in_progress                the assignee, supervisor, admin
//   release  assigned|in_progress → new            the assignee, supervisor, admin
//   close    in_progress → closed                  the assignee, supervisor, admin
// A closed case is final: its outcome is a label the model has learnt from.
import { z } from 'zod';
import type { Role, Viewer } from '../auth/roles.js';
import { ConflictError, ForbiddenError } from '../errors.js';

export const caseStatuses = ['new', 'assigned', 'in_progress', 'closed'] as const;
export const CaseStatusSchema = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const caseActions = ['assign', 'take', 'start', 'release', 'close'] as const;
export type CaseAction = (typeof caseActions)[number];

/** Roles that work cases: they may list, read, create, take and comment on them. */
export const caseWorkerRoles = [
  'investigator',
  'internal_fraud',
  'supervisor',
  'admin',
] as const satisfies readonly Role[];
/** Roles that may assign cases to others. */
export const caseManagerRoles = ['supervisor', 'admin'] as const satisfies readonly Role[];

const from: Record<CaseAction, readonly CaseStatus[]> = {
  assign: ['new', 'assigned', 'in_progress'],
  take: ['new'],
  start: ['assigned'],
  release: ['assigned', 'in_progress'],
  close: ['in_progress'],
};

export interface CaseState {
  id: string;
  status: CaseStatus;
  version: number;
  assignee: string | null;
}

export interface Decision {
  status: CaseStatus;
  assignee: string | null;
}

const isManager = (viewer: Viewer) => (caseManagerRoles as readonly Role[]).includes(viewer.role);

/**
 * The state after `action`, or why not: ConflictError (409) for a stale version or a move the
 * state machine does not allow from the current status, ForbiddenError (403) for a move this
 * user may not make. `assignee` is the target of an assignment.
 */
export function decide(
  current: CaseState,
  action: CaseAction,
  viewer: Viewer,
  expectedVersion: number,
  assignee?: string,
): Decision {
  const now = { status: current.status, version: current.version, assignee: current.assignee };
  if (current.version !== expectedVersion) {
    throw new ConflictError(
      `cases: ${current.id} was changed by someone else (version ${current.version}, not ${expectedVersion}); reload it and decide again`,
      'version_conflict',
      now,
    );
  }
  if (!from[action].includes(current.status)) {
    throw new ConflictError(
      `cases: ${current.id} is ${current.status.replace('_', ' ')}; "${action}" is possible only when it is ${from[action].join(' or ').replace('_', ' ')}`,
      'illegal_transition',
      now,
    );
  }
  const mine = current.assignee === viewer.username;
  switch (action) {
    case 'assign':
      if (!isManager(viewer)) {
        throw new ForbiddenError('cases: only a supervisor or an admin assigns cases');
      }
      return {
        status: current.status === 'in_progress' ? 'in_progress' : 'assigned',
        assignee: assignee ?? null,
      };
    case 'take':
      return { status: 'assigned', assignee: viewer.username };
    case 'start':
    case 'release':
    case 'close':
      if (!mine && !isManager(viewer)) {
        throw new ForbiddenError(
          `cases: ${current.id} is assigned to ${current.assignee ?? 'nobody'}; only the assignee or a supervisor may ${action} it`,
        );
      }
      return action === 'release'
        ? { status: 'new', assignee: null }
        : { status: action === 'start' ? 'in_progress' : 'closed', assignee: current.assignee };
  }
}
