import { describe, expect, it } from 'vitest';
import { conflictWords, moveRequest, movesFor } from './case-moves.js';
import { modelName, networkHref } from './case-types.js';

const ann = { username: 'ann', role: 'investigator' as const };
const sue = { username: 'sue', role: 'supervisor' as const };
const al = { username: 'al', role: 'analyst' as const };

describe('moves offered on a case', () => {
  it('follows the state machine and the assignee', () => {
    expect(movesFor({ status: 'new', assignee: null }, ann)).toEqual(['take']);
    expect(movesFor({ status: 'assigned', assignee: 'ann' }, ann)).toEqual(['start', 'release']);
    expect(movesFor({ status: 'in_progress', assignee: 'ann' }, ann)).toEqual(['close', 'release']);
    expect(movesFor({ status: 'closed', assignee: 'ann' }, ann)).toEqual([]);
  });

  it('lets supervisors work anyone’s case, others only their own; analysts none', () => {
    expect(movesFor({ status: 'assigned', assignee: 'bob' }, ann)).toEqual([]);
    expect(movesFor({ status: 'in_progress', assignee: 'bob' }, sue)).toEqual(['close', 'release']);
    expect(movesFor({ status: 'new', assignee: null }, al)).toEqual([]);
  });

  it('sends the version read with every move', () => {
    expect(moveRequest({ id: 'K1', version: 3 }, 'take')).toEqual({
      path: '/cases/K1/take',
      body: { version: 3 },
    });
    expect(moveRequest({ id: 'K1', version: 4 }, 'start').body).toEqual({
      version: 4,
      to: 'in_progress',
    });
    expect(moveRequest({ id: 'K1', version: 4 }, 'release').body).toEqual({
      version: 4,
      to: 'new',
    });
  });
});

describe('a refused change in words', () => {
  it('says someone else changed the case, what it is now, and that nothing changed', () => {
    const text = conflictWords(
      {
        code: 'version_conflict',
        message: 'cases: K1 was changed by someone else',
        current: { status: 'in_progress', version: 4, assignee: 'bob' },
      },
      'case K1',
    );
    expect(text).toBe(
      'Someone else changed case K1 after you loaded it, so nothing was changed. It is now in progress, assigned to bob (version 4). Reload to see it as it is and decide again.',
    );
  });

  it('says a move is no longer possible', () => {
    expect(
      conflictWords(
        { code: 'illegal_transition', message: '', current: { status: 'closed', assignee: null } },
        'case K2',
      ),
    ).toBe(
      'That is no longer possible for case K2, so nothing was changed. It is now closed, assigned to nobody. Reload to see it as it is.',
    );
  });
});

describe('network address of a case', () => {
  it('names each entity as Label:id', () => {
    expect(
      networkHref([
        { type: 'employer', id: 'E1' },
        { type: 'person', id: 'P-2' },
      ]),
    ).toBe('/network?nodes=Employer:E1,Person:P-2');
  });
});

describe('a snapshot’s model in words', () => {
  it('says "rules only" when no model scored the entity', () => {
    expect(modelName(null)).toBe('rules only');
    expect(modelName('rules')).toBe('rules only');
    expect(modelName('employer-any-20251231T103045123Z')).toBe('employer-any-20251231T103045123Z');
  });
});
