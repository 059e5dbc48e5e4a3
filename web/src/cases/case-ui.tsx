// Pieces the queue and the case page share: the status badge, a refused change in words (a 409
// with a reload), and the close form with per-entity outcomes for a group case.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { ErrorMessage } from '../ui/status.js';
import { conflictWords } from './case-moves.js';
import { closeInput, emptyCloseForm, entityKey, type CloseForm } from './close-input.js';
import {
  offences,
  statusNames,
  words,
  type CaseDetail,
  type CaseStatus,
  type Outcome,
} from './case-types.js';

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <span class={`case-status case-status-${status}`}>{statusNames[status]}</span>;
}

/** A change that failed, and what it was about ("case C-12"), for `ChangeError`. */
export interface Failure {
  error: Error;
  what: string;
}

/** What went wrong with a change: a conflict in words with "Reload", else the server's words. */
export function ChangeError({
  error,
  what,
  onReload,
}: {
  error: Error;
  what: string;
  onReload: () => void;
}) {
  if (error instanceof ApiError && error.status === 409) {
    return (
      <div class="error conflict" role="alert" data-testid="conflict">
        <strong>Not changed.</strong> {conflictWords(error, what)}{' '}
        <button type="button" class="secondary" onClick={onReload}>
          Reload
        </button>
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}

const foundOffences = offences.filter((o) => o !== 'none');

/** A labelled select over a closed vocabulary, values read as words; '' is the blank choice. */
export function WordSelect<T extends string>({
  label,
  name,
  value,
  options,
  blank,
  onChange,
  hideLabel = false,
}: {
  label: string;
  name?: string;
  value: T | '';
  options: readonly T[];
  blank: string;
  onChange: (value: T | '') => void;
  hideLabel?: boolean;
}) {
  return (
    <label>
      <span class={hideLabel ? 'visually-hidden' : undefined}>{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value as T | '')}>
        <option value="">{blank}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {words(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Closing a case in progress: outcome, offence found, amount recovered, note; per entity too. */
export function CloseCaseForm({
  detail,
  onClosed,
  onCancel,
  onReload,
}: {
  detail: CaseDetail;
  onClosed: (closed: CaseDetail) => void;
  onCancel?: () => void;
  onReload: () => void;
}) {
  const [form, setForm] = useState<CloseForm>(() => emptyCloseForm(detail));
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<CloseForm>) => {
    setProblems([]);
    setForm((f) => ({ ...f, ...change }));
  };
  const setEntity = (key: string, change: Partial<CloseForm['entities'][string]>) =>
    setForm((f) => ({
      ...f,
      entities: {
        ...f.entities,
        [key]: { outcome: '', offence: '', ...f.entities[key], ...change },
      },
    }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const { input, problems: found } = closeInput(form, detail);
    setProblems(found);
    setError(null);
    if (!input) return;
    setBusy(true);
    try {
      onClosed(await api.post<CaseDetail>(`/cases/${detail.id}/close`, input));
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="close-form panel"
      onSubmit={(e) => void submit(e)}
      aria-label={`Close case ${detail.id}`}
    >
      <h3>Close case {detail.id}</h3>
      <fieldset>
        <legend>Outcome</legend>
        {(['confirmed', 'unfounded'] as Outcome[]).map((o) => (
          <label key={o} class="inline">
            <input
              type="radio"
              name={`outcome-${detail.id}`}
              value={o}
              checked={form.outcome === o}
              onChange={() => set({ outcome: o })}
            />
            {o === 'confirmed' ? 'Confirmed: an offence was found' : 'Unfounded: nothing found'}
          </label>
        ))}
      </fieldset>
      <div class="form-row">
        <WordSelect
          label="Offence found"
          blank="— none —"
          options={foundOffences}
          value={form.offence}
          onChange={(offence) => set({ offence })}
        />
        <label>
          Amount recovered (€)
          <input
            inputMode="decimal"
            value={form.recovered}
            placeholder="0"
            onInput={(e) => set({ recovered: e.currentTarget.value })}
          />
        </label>
      </div>
      <label>
        Note
        <textarea
          rows={3}
          maxLength={4000}
          value={form.note}
          onInput={(e) => set({ note: e.currentTarget.value })}
        />
      </label>
      {detail.entities.length > 1 && (
        <table class="entity-outcomes">
          <caption>Per entity, where the outcome differs from the case’s</caption>
          <thead>
            <tr>
              <th>Entity</th>
              <th>Outcome</th>
              <th>Offence</th>
            </tr>
          </thead>
          <tbody>
            {detail.entities.map((e) => {
              const key = entityKey(e);
              const own = form.entities[key];
              return (
                <tr key={key}>
                  <td>
                    {e.type} {e.label}
                  </td>
                  <td>
                    <label>
                      <span class="visually-hidden">Outcome for {e.label}</span>
                      <select
                        value={own?.outcome ?? ''}
                        onChange={(ev) =>
                          setEntity(key, { outcome: ev.currentTarget.value as Outcome | '' })
                        }
                      >
                        <option value="">as the case</option>
                        <option value="confirmed">confirmed</option>
                        <option value="unfounded">unfounded</option>
                      </select>
                    </label>
                  </td>
                  <td>
                    <WordSelect
                      label={`Offence for ${e.label}`}
                      hideLabel
                      blank="as the case"
                      options={foundOffences}
                      value={own?.offence ?? ''}
                      onChange={(offence) => setEntity(key, { offence })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {problems.length > 0 && (
        <ul class="error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {error && <ChangeError error={error} what={`case ${detail.id}`} onReload={onReload} />}
      <div class="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Closing…' : 'Close case'}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
