// For supervisors and admins: assign the selected cases to one person, all of them or none (a
// case changed meanwhile refuses the whole assignment).
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import type { Failure } from './case-ui.js';

export function BulkAssign({
  selected,
  assignees,
  onDone,
  onFailure,
}: {
  selected: Map<string, number>;
  assignees: string[];
  onDone: (message: string) => void;
  onFailure: (failure: Failure) => void;
}) {
  const [assignee, setAssignee] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const to = assignee.trim();
    if (!to) return;
    setBusy(true);
    try {
      const cases = [...selected].map(([id, version]) => ({ id, version }));
      const answer = await api.post<{ assigned: string[] }>('/cases/assign', {
        cases,
        assignee: to,
      });
      onDone(`Assigned ${answer.assigned.join(', ')} to ${to}.`);
    } catch (error) {
      onFailure({
        error: error as Error,
        what: selected.size === 1 ? 'the selected case' : 'one of the selected cases',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="bulk panel" onSubmit={(e) => void submit(e)} aria-label="Assign selected cases">
      <span>
        {selected.size} case{selected.size === 1 ? '' : 's'} selected.
      </span>
      <label class="inline">
        Assign to
        <input
          name="bulk-assignee"
          list="case-assignees-bulk"
          required
          value={assignee}
          placeholder="user name"
          onInput={(e) => setAssignee(e.currentTarget.value)}
        />
        <datalist id="case-assignees-bulk">
          {assignees.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Assigning…' : 'Assign'}
      </button>
      <span class="muted">All of them or none: if one changed meanwhile, nothing is assigned.</span>
    </form>
  );
}
