// Sends the selected entities (employers, persons, officials) or the community shown to the
// case queue with a note (POST /api/cases), then links to the case created.
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Link } from '../router.js';
import { ErrorMessage } from '../ui/status.js';
import type { CaseEntityType } from './graph-types.js';

export interface CaseEntity {
  type: CaseEntityType;
  id: string;
}

interface CreatedCases {
  case: { id: string; title: string };
  controlCasesDrawn: number;
  notes: string[];
}

/** The queue takes at most this many entities in one case (server/cases/case-schema.ts). */
export const MAX_CASE_ENTITIES = 200;

export function CaseForm({
  entities,
  communityId,
}: {
  entities: CaseEntity[];
  communityId: string | null;
}) {
  const [note, setNote] = useState('');
  const [whole, setWhole] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [created, setCreated] = useState<CreatedCases | null>(null);
  const useCommunity = whole && communityId !== null;
  const tooMany = !useCommunity && entities.length > MAX_CASE_ENTITIES;
  const nothing = !useCommunity && entities.length === 0;

  const send = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        ...(useCommunity ? { communityId } : { entities }),
        ...(note.trim() ? { note: note.trim() } : {}),
      };
      setCreated(await api.post<CreatedCases>('/cases', body, { purpose: 'network explorer' }));
      setNote('');
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel case-form" onSubmit={(e) => void send(e)} aria-labelledby="case-title">
      <h2 id="case-title">Send to the case queue</h2>
      {communityId !== null && (
        <label class="inline">
          <input
            type="checkbox"
            checked={whole}
            onChange={(e) => setWhole(e.currentTarget.checked)}
          />{' '}
          The whole community {communityId}
        </label>
      )}
      {!useCommunity && (
        <p class="muted">
          {entities.length === 0
            ? 'Select employers, persons or officials to open a case on them.'
            : `${entities.length} entit${entities.length === 1 ? 'y' : 'ies'} selected (addresses, accounts and claims are not case subjects).`}
          {tooMany && ` A case holds at most ${MAX_CASE_ENTITIES}.`}
        </p>
      )}
      <label>
        Note for the case
        <textarea
          rows={3}
          maxLength={4000}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={busy || tooMany || nothing}>
        {busy ? 'Sending…' : 'Send to case queue'}
      </button>
      {error && <ErrorMessage error={error} />}
      {created && (
        <p role="status" data-testid="created-case">
          Case created:{' '}
          <Link href={`/cases/${encodeURIComponent(created.case.id)}`}>
            {created.case.title || created.case.id}
          </Link>
          {created.controlCasesDrawn > 0 &&
            ` (and ${created.controlCasesDrawn} control case${created.controlCasesDrawn === 1 ? '' : 's'} drawn at random)`}
          .
        </p>
      )}
    </form>
  );
}
