import { describe, expect, it } from 'vitest';
import type { CaseEntity } from './case-types.js';
import { closeInput, emptyCloseForm } from './close-input.js';

const entity = (type: CaseEntity['type'], id: string): CaseEntity => ({
  type,
  id,
  label: id,
  snapshot: { score: null, band: null, modelVersion: null, topReason: null },
});
const one = { version: 3, entities: [entity('employer', 'E1')] };
const group = { version: 5, entities: [entity('employer', 'E1'), entity('person', 'P1')] };

describe('closing a case', () => {
  it('asks for an outcome, and an offence when confirmed', () => {
    expect(closeInput(emptyCloseForm({ offence: null }), one)).toEqual({
      input: null,
      problems: ['Say whether the suspicion was confirmed or unfounded.'],
    });
    const form = { ...emptyCloseForm({ offence: null }), outcome: 'confirmed' as const };
    expect(closeInput(form, one).problems).toEqual(['A confirmed case names the offence found.']);
  });

  it('sends outcome, offence, amount and note with the version read', () => {
    const form = {
      ...emptyCloseForm({ offence: 'phoenix' }),
      outcome: 'confirmed' as const,
      recovered: '12 500,50',
      note: '  third phoenix  ',
    };
    expect(closeInput(form, one)).toEqual({
      input: {
        version: 3,
        outcome: 'confirmed',
        offence: 'phoenix',
        recoveredEur: 12500.5,
        note: 'third phoenix',
      },
      problems: [],
    });
  });

  it('refuses an amount that is not a number of euros', () => {
    const form = {
      ...emptyCloseForm({ offence: null }),
      outcome: 'unfounded' as const,
      recovered: '-3',
    };
    expect(closeInput(form, one).problems).toEqual([
      'The amount recovered is a number of euros, 0 or more.',
    ]);
  });

  it('sends per-entity outcomes only where they differ from the case’s', () => {
    const form = {
      ...emptyCloseForm({ offence: 'undeclared_work' }),
      outcome: 'confirmed' as const,
      entities: {
        'employer:E1': { outcome: 'confirmed' as const, offence: '' as const },
        'person:P1': { outcome: 'unfounded' as const, offence: '' as const },
      },
    };
    expect(closeInput(form, group).input).toEqual({
      version: 5,
      outcome: 'confirmed',
      offence: 'undeclared_work',
      recoveredEur: 0,
      entities: [{ type: 'person', id: 'P1', outcome: 'unfounded' }],
    });
  });

  it('asks for the offence of an entity confirmed in an unfounded case', () => {
    const form = {
      ...emptyCloseForm({ offence: null }),
      outcome: 'unfounded' as const,
      entities: { 'person:P1': { outcome: 'confirmed' as const, offence: '' as const } },
    };
    expect(closeInput(form, group).problems).toEqual(['Name the offence found for person P1.']);
  });
});
