// Which moves of the state machine (server/cases/case-states.ts) the explorer offers a user on
// a case. The server decides (403, 409); the page only leaves out buttons that would be refused.
import { caseManagerRoles, caseWorkerRoles, type Me } from '../session.js';
import { words, type CaseSummary } from './case-types.js';

export type Move = 'take' | 'start' | 'release' | 'close';

export const moveNames: Record<Move, string> = {
  take: 'Take',
  start: 'Start',
  release: 'Release',
  close: 'Close…',
};

export const isManager = (me: Me) => caseManagerRoles.includes(me.role);

export function movesFor(c: Pick<CaseSummary, 'status' | 'assignee'>, me: Me): Move[] {
  if (!caseWorkerRoles.includes(me.role)) return [];
  const mayWork = c.assignee === me.username || isManager(me);
  switch (c.status) {
    case 'new':
      return ['take'];
    case 'assigned':
      return mayWork ? ['start', 'release'] : [];
    case 'in_progress':
      return mayWork ? ['close', 'release'] : [];
    case 'closed':
      return [];
  }
}

/** The request a move makes: take, or a transition to in progress (start) or back to new. */
export function moveRequest(
  c: Pick<CaseSummary, 'id' | 'version'>,
  move: Exclude<Move, 'close'>,
): { path: string; body: object } {
  if (move === 'take') return { path: `/cases/${c.id}/take`, body: { version: c.version } };
  return {
    path: `/cases/${c.id}/transition`,
    body: { version: c.version, to: move === 'start' ? 'in_progress' : 'new' },
  };
}

interface Conflict {
  code: string;
  message: string;
  current?: Record<string, unknown> | undefined;
}

/**
 * A 409 in words: what the case is now and that nothing was changed, so the user reloads and
 * decides again rather than overwriting someone else's change.
 */
export function conflictWords(error: Conflict, what: string): string {
  const status = typeof error.current?.status === 'string' ? error.current.status : null;
  const assignee = error.current?.assignee;
  const now =
    status === null
      ? ''
      : ` It is now ${words(status)}${
          typeof assignee === 'string' ? `, assigned to ${assignee}` : ', assigned to nobody'
        }${typeof error.current?.version === 'number' ? ` (version ${error.current.version})` : ''}.`;
  if (error.code === 'version_conflict') {
    return `Someone else changed ${what} after you loaded it, so nothing was changed.${now} Reload to see it as it is and decide again.`;
  }
  if (error.code === 'illegal_transition') {
    return `That is no longer possible for ${what}, so nothing was changed.${now} Reload to see it as it is.`;
  }
  return `${error.message} Nothing was changed; reload to see the current state.`;
}
