// What a case worker adds to an open case: a comment, or a measure (manual ones recorded here,
// automatic ones requested from the other system); each posts, then the case is read again.
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Panel } from '../ui/panel.js';
import { Empty, ErrorMessage } from '../ui/status.js';
import {
  automaticMeasures,
  manualMeasures,
  words,
  type CaseDetail,
  type MeasureKind,
} from './case-types.js';
import { dateTime } from './format.js';

/** A small form that posts and then reloads the case; errors in words. */
function usePost(onDone: () => void) {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (path: string, body: object): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await api.post(path, body);
      onDone();
      return true;
    } catch (failure) {
      setError(failure as Error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, send };
}

export function CommentForm({ id, onAdded }: { id: string; onAdded: () => void }) {
  const [text, setText] = useState('');
  const post = usePost(onAdded);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (text.trim() && (await post.send(`/cases/${id}/comments`, { text: text.trim() })))
      setText('');
  };
  return (
    <form class="panel stack" onSubmit={(e) => void submit(e)} aria-labelledby="comment-title">
      <h2 id="comment-title">Add a comment</h2>
      <label>
        Comment
        <textarea
          rows={3}
          maxLength={4000}
          required
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      {post.error && <ErrorMessage error={post.error} />}
      <div>
        <button type="submit" disabled={post.busy}>
          {post.busy ? 'Adding…' : 'Add comment'}
        </button>
      </div>
    </form>
  );
}

export function Measures({ c, onAdded }: { c: CaseDetail; onAdded: () => void }) {
  const [kind, setKind] = useState<MeasureKind>('visit');
  const [note, setNote] = useState('');
  const post = usePost(onAdded);
  const measures = c.events.filter((e) => e.kind === 'measure' && e.measure);
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { kind, ...(note.trim() ? { note: note.trim() } : {}) };
    if (await post.send(`/cases/${c.id}/measures`, body)) setNote('');
  };
  return (
    <Panel id="measures" title="Measures" class="stack">
      {measures.length === 0 ? (
        <Empty>No measures yet.</Empty>
      ) : (
        <ul data-testid="measures">
          {measures.map((e) => (
            <li key={e.seq}>
              {words(e.measure!.kind)} — {e.measure!.mode}, {words(e.measure!.status)}{' '}
              <span class="muted">
                ({dateTime(e.at)}, {e.by})
              </span>
            </li>
          ))}
        </ul>
      )}
      {c.status !== 'closed' && (
        <form class="stack" onSubmit={(e) => void submit(e)} aria-label="Add a measure">
          <label>
            Measure
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value as MeasureKind)}>
              <optgroup label="Manual: recorded here">
                {manualMeasures.map((m) => (
                  <option key={m} value={m}>
                    {words(m)}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Automatic: requested from the other system">
                {automaticMeasures.map((m) => (
                  <option key={m} value={m}>
                    {words(m)}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          <label>
            Note
            <input value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          {post.error && <ErrorMessage error={post.error} />}
          <div>
            <button type="submit" class="secondary" disabled={post.busy}>
              Add measure
            </button>
          </div>
        </form>
      )}
    </Panel>
  );
}
