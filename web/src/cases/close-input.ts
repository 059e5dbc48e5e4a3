// The close form's values as the request closing sends (POST /api/cases/:id/close), with the
// problems in words before anything is sent. A group case may give entities outcomes of their
// own; only those that differ from the case's are sent (the server applies the case's to the rest).
import type { CaseDetail, CloseInput, Offence, Outcome } from './case-types.js';

export interface EntityOutcome {
  /** '' = as the case. */
  outcome: Outcome | '';
  offence: Offence | '';
}

export interface CloseForm {
  outcome: Outcome | '';
  offence: Offence | '';
  /** As typed, in euros. */
  recovered: string;
  note: string;
  /** By `type:id`. */
  entities: Record<string, EntityOutcome>;
}

export const emptyCloseForm = (c: Pick<CaseDetail, 'offence'>): CloseForm => ({
  outcome: '',
  offence: c.offence ?? '',
  recovered: '',
  note: '',
  entities: {},
});

export const entityKey = (e: { type: string; id: string }) => `${e.type}:${e.id}`;

export function closeInput(
  form: CloseForm,
  c: Pick<CaseDetail, 'version' | 'entities'>,
): { input: CloseInput | null; problems: string[] } {
  const problems: string[] = [];
  if (!form.outcome) problems.push('Say whether the suspicion was confirmed or unfounded.');
  const offence = form.offence || undefined;
  if (form.outcome === 'confirmed' && (!offence || offence === 'none')) {
    problems.push('A confirmed case names the offence found.');
  }
  const text = form.recovered.trim().replace(/\s/g, '').replace(',', '.');
  const recovered = text === '' ? 0 : Number(text);
  if (!Number.isFinite(recovered) || recovered < 0) {
    problems.push('The amount recovered is a number of euros, 0 or more.');
  }
  const entities: NonNullable<CloseInput['entities']> = [];
  for (const e of c.entities) {
    const own = form.entities[entityKey(e)];
    if (!own || !own.outcome || (own.outcome === form.outcome && !own.offence)) continue;
    if (own.outcome === 'confirmed' && (own.offence || offence || 'none') === 'none') {
      problems.push(`Name the offence found for ${e.type} ${e.label}.`);
    }
    entities.push({
      type: e.type,
      id: e.id,
      outcome: own.outcome,
      ...(own.offence ? { offence: own.offence } : {}),
    });
  }
  if (problems.length > 0 || !form.outcome) return { input: null, problems };
  const note = form.note.trim();
  return {
    input: {
      version: c.version,
      outcome: form.outcome,
      ...(offence ? { offence } : {}),
      recoveredEur: recovered,
      ...(note ? { note } : {}),
      ...(entities.length > 0 ? { entities } : {}),
    },
    problems,
  };
}
