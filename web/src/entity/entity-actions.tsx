// The entity page's actions: open the network around the entity, and for case workers open a
// case about it (a note, the cases already open, a refusal in words with the case that blocks).
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { Link } from '../router.js';
import { ErrorMessage } from '../ui/status.js';
import { formatCount } from '../rankings/format.js';
import type { CreatedCase, EntityDetail } from '../rankings/types.js';
import { networkPath } from './entity-view.js';

export function EntityActions({
  entity,
  canOpenCases,
}: {
  entity: EntityDetail;
  canOpenCases: boolean;
}) {
  return (
    <div class="entity-actions">
      <Link class="button-link" href={networkPath(entity.type, entity.id)}>
        Open network
      </Link>
      {canOpenCases ? (
        <CreateCase entity={entity} />
      ) : (
        <span class="muted">Cases are opened by investigators and supervisors.</span>
      )}
    </div>
  );
}

function CreateCase({ entity }: { entity: EntityDetail }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [created, setCreated] = useState<CreatedCase | null>(null);
  const openCases = entity.cases.filter((c) => c.status !== 'closed');

  if (created) {
    return (
      <p class="case-created" role="status" data-testid="case-created">
        Case <Link href={`/cases/${encodeURIComponent(created.case.id)}`}>{created.case.id}</Link>{' '}
        opened: {created.case.title}.
        {created.controlCasesDrawn > 0 &&
          ` ${formatCount(created.controlCasesDrawn)} control-group case(s) were drawn alongside.`}
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Create case
      </button>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<CreatedCase>('/cases', {
        entities: [{ type: entity.type, id: entity.id }],
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setCreated(answer);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };
  const already =
    error instanceof ApiError && Array.isArray(error.current?.openCases)
      ? (error.current.openCases as unknown[]).map(String)
      : [];
  return (
    <form class="panel create-case" onSubmit={(e) => void submit(e)} aria-label="Create a case">
      <label>
        Note for the case (why look, what to check)
        <textarea
          name="note"
          rows={3}
          maxLength={4000}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      {openCases.length > 0 && (
        <p class="muted">
          Already open: {openCases.map((c) => c.id).join(', ')}. A new case is refused while one is
          open.
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {already.length > 0 && (
        <p>
          Open case:{' '}
          {already.map((id) => (
            <Link key={id} href={`/cases/${encodeURIComponent(id)}`}>
              {id}{' '}
            </Link>
          ))}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Opening…' : 'Open the case'}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
