import { describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/roles.js';
import { ConflictError, ForbiddenError } from '../errors.js';
import { decide, type CaseAction, type CaseState, type CaseStatus } from './case-states.js';

const ann: Viewer = { username: 'ann', role: 'investigator' };
const bob: Viewer = { username: 'bob', role: 'investigator' };
const sue: Viewer = { username: 'sue', role: 'supervisor' };
const state = (status: CaseStatus, assignee: string | null = null): CaseState => ({
  id: 'K1',
  status,
  version: 3,
  assignee,
});

describe('case state machine', () => {
  it('walks new → assigned → in progress → closed', () => {
    expect(decide(state('new'), 'take', ann, 3)).toEqual({ status: 'assigned', assignee: 'ann' });
    expect(decide(state('assigned', 'ann'), 'start', ann, 3)).toEqual({
      status: 'in_progress',
      assignee: 'ann',
    });
    expect(decide(state('in_progress', 'ann'), 'close', ann, 3)).toEqual({
      status: 'closed',
      assignee: 'ann',
    });
  });

  it('refuses every move the table does not allow, with 409 illegal_transition', () => {
    const allowed: Record<CaseStatus, CaseAction[]> = {
      new: ['assign', 'take'],
      assigned: ['assign', 'start', 'release'],
      in_progress: ['assign', 'release', 'close'],
      closed: [],
    };
    for (const [status, ok] of Object.entries(allowed) as [CaseStatus, CaseAction[]][]) {
      for (const action of ['assign', 'take', 'start', 'release', 'close'] as const) {
        const run = () => decide(state(status, 'ann'), action, sue, 3, 'ann');
        if (ok.includes(action)) expect(run).not.toThrow();
        else {
          expect(run).toThrow(ConflictError);
          try {
            run();
          } catch (e) {
            expect((e as ConflictError).code).toBe('illegal_transition');
          }
        }
      }
    }
  });

  it('refuses a stale version before anything else, and says the current one', () => {
    try {
      decide(state('closed'), 'close', ann, 2);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError);
      expect((e as ConflictError).code).toBe('version_conflict');
      expect((e as ConflictError).current).toMatchObject({ version: 3, status: 'closed' });
    }
  });

  it('lets only the assignee or a manager start, release and close; only managers assign', () => {
    expect(() => decide(state('assigned', 'ann'), 'start', bob, 3)).toThrow(ForbiddenError);
    expect(() => decide(state('in_progress', 'ann'), 'close', bob, 3)).toThrow(ForbiddenError);
    expect(decide(state('in_progress', 'ann'), 'close', sue, 3).status).toBe('closed');
    expect(() => decide(state('new'), 'assign', ann, 3, 'bob')).toThrow(ForbiddenError);
    expect(decide(state('in_progress', 'ann'), 'assign', sue, 3, 'bob')).toEqual({
      status: 'in_progress',
      assignee: 'bob',
    });
    expect(decide(state('assigned', 'ann'), 'release', ann, 3)).toEqual({
      status: 'new',
      assignee: null,
    });
  });
});
