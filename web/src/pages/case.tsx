// One case: the risk snapshot that chose it, the entities it concerns (to their pages and to
// the network), its history (who did what when), comments and measures, the moves the user may
// make, the close form, the outcome once closed, and the webhook deliveries for supervisors.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { isManager, moveNames, moveRequest, movesFor, type Move } from '../cases/case-moves.js';
import {
  automaticMeasures,
  manualMeasures,
  modelName,
  networkHref,
  words,
  type CaseDetail,
  type CaseEvent,
  type Delivery,
  type MeasureKind,
} from '../cases/case-types.js';
import { ChangeError, CloseCaseForm, StatusBadge } from '../cases/case-ui.js';
import { dateTime, euros, fixed } from '../cases/format.js';
import { Link } from '../router.js';
import { caseWorkerRoles, useMe, type Me } from '../session.js';
import { BandBadge } from '../ui/band.js';
import { Empty, ErrorMessage, Loading } from '../ui/status.js';
import { useApi } from '../ui/use-api.js';
import './cases.css';

export function CasePage({ params }: { params: Record<string, string> }) {
  const me = useMe();
  const id = params.id ?? '';
  if (!caseWorkerRoles.includes(me.role)) {
    return (
      <section>
        <h1>Case {id}</h1>
        <p>Cases are for case workers: investigators, the internal-fraud unit and supervisors.</p>
      </section>
    );
  }
  return <CaseView id={id} me={me} />;
}

function CaseView({ id, me }: { id: string; me: Me }) {
  const loaded = useApi((signal) => api.get<CaseDetail>(`/cases/${id}`, { signal }), [id]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState(false);

  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!loaded.data) return <Loading what={`case ${id}`} />;
  const c = loaded.data;
  const reload = () => {
    setFailure(null);
    loaded.reload();
  };

  const move = async (m: Exclude<Move, 'close'>) => {
    setBusy(true);
    setFailure(null);
    try {
      const { path, body } = moveRequest(c, m);
      await api.post<CaseDetail>(path, body);
      loaded.reload();
    } catch (error) {
      setFailure(error as Error);
    } finally {
      setBusy(false);
    }
  };
  const moves = movesFor(c, me);

  return (
    <section class="case-page">
      <p class="muted">
        <Link href="/cases">← Cases</Link>
      </p>
      <h1>
        Case {c.id}: {c.title}
      </h1>
      <dl class="facts panel">
        <Fact name="Status">
          <StatusBadge status={c.status} /> <span class="muted">version {c.version}</span>
        </Fact>
        <Fact name="Assignee">{c.assignee ?? 'nobody'}</Fact>
        <Fact name="Band when opened">
          <BandBadge band={c.band} />
        </Fact>
        <Fact name="Score when opened">{fixed(c.score)}</Fact>
        <Fact name="Model version">{modelName(c.modelVersion)}</Fact>
        <Fact name="Origin">{words(c.origin)}</Fact>
        <Fact name={c.status === 'closed' ? 'Offence' : 'Offence suspected'}>
          {c.offence ? words(c.offence) : '—'}
        </Fact>
        <Fact name="Opened">
          {dateTime(c.createdAt)} by {c.createdBy}
        </Fact>
        <Fact name="Sector, region">
          {c.sector ?? '—'}, {c.region ?? '—'}
        </Fact>
        {c.communityId && <Fact name="Community">{c.communityId}</Fact>}
      </dl>
      {c.note && <p class="case-note">{c.note}</p>}

      {moves.length > 0 && (
        <div class="moves">
          {moves.map((m) => (
            <button
              key={m}
              type="button"
              class={m === 'release' ? 'secondary' : undefined}
              disabled={busy || (m === 'close' && closing)}
              onClick={() => (m === 'close' ? setClosing(true) : void move(m))}
            >
              {moveNames[m]}
            </button>
          ))}
        </div>
      )}
      {failure && <ChangeError error={failure} what={`case ${c.id}`} onReload={reload} />}
      {closing && c.status === 'in_progress' && (
        <CloseCaseForm
          detail={c}
          onClosed={() => {
            setClosing(false);
            loaded.reload();
          }}
          onCancel={() => setClosing(false)}
          onReload={reload}
        />
      )}
      {c.status === 'closed' && <Outcome c={c} />}

      <div class="columns">
        <div>
          <Entities c={c} />
          <Timeline events={c.events} />
        </div>
        <div>
          {c.status !== 'closed' && <CommentForm id={c.id} onAdded={loaded.reload} />}
          <Measures c={c} onAdded={loaded.reload} />
          {isManager(me) && <Deliveries id={c.id} version={c.version} />}
        </div>
      </div>
    </section>
  );
}

function Fact({ name, children }: { name: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Outcome({ c }: { c: CaseDetail }) {
  return (
    <section class="panel outcome" aria-labelledby="outcome-title">
      <h2 id="outcome-title">Outcome</h2>
      <p>
        <strong>{c.outcome === 'confirmed' ? 'Confirmed' : 'Unfounded'}</strong>
        {c.inspections[0] && c.inspections[0].offence !== 'none' && (
          <> — {words(c.inspections[0].offence)}</>
        )}
        , {euros(c.recoveredEur)} recovered. Closed {dateTime(c.closedAt)} by {c.closedBy ?? '—'}.
      </p>
      {c.closeNote && <p class="text">{c.closeNote}</p>}
      <table>
        <caption class="visually-hidden">Inspections written when the case was closed</caption>
        <thead>
          <tr>
            <th>Inspection (label)</th>
            <th>Entity</th>
            <th>Outcome</th>
            <th>Offence</th>
            <th class="num">Recovered</th>
          </tr>
        </thead>
        <tbody>
          {c.inspections.map((i) => (
            <tr key={i.id}>
              <td>{i.id}</td>
              <td>
                {i.subject.type} {i.subject.id}
              </td>
              <td>{i.outcome}</td>
              <td>{words(i.offence)}</td>
              <td class="num">{euros(i.recoveredEur)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Entities({ c }: { c: CaseDetail }) {
  return (
    <section aria-labelledby="entities-title">
      <h2 id="entities-title">
        Concerns {c.entities.length} {c.entities.length === 1 ? 'entity' : 'entities'}
      </h2>
      {c.entities.length > 0 && (
        <p>
          <Link href={networkHref(c.entities)}>Open in network</Link>
        </p>
      )}
      {c.hiddenEntities > 0 && (
        <p class="muted">
          {c.hiddenEntities} more {c.hiddenEntities === 1 ? 'entity is' : 'entities are'} not shown
          to your role.
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>Entity</th>
            <th>Band then</th>
            <th class="num">Score then</th>
            <th>Top reason then</th>
            <th>Model</th>
          </tr>
        </thead>
        <tbody>
          {c.entities.map((e) => (
            <tr key={`${e.type}:${e.id}`}>
              <td>
                <Link href={`/entities/${e.type}/${encodeURIComponent(e.id)}`}>{e.label}</Link>
                <div class="muted">
                  {e.type} {e.id}
                </div>
              </td>
              <td>
                <BandBadge band={e.snapshot.band} />
              </td>
              <td class="num">{fixed(e.snapshot.score)}</td>
              <td>{e.snapshot.topReason ?? '—'}</td>
              <td>{modelName(e.snapshot.modelVersion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const eventWords: Record<CaseEvent['kind'], (e: CaseEvent) => string> = {
  created: () => 'opened the case',
  assigned: (e) => `assigned it to ${e.assignee ?? 'nobody'}`,
  taken: () => 'took it',
  started: () => 'started work',
  released: () => 'put it back in the queue',
  comment: () => 'commented',
  measure: (e) =>
    e.measure
      ? `${e.measure.mode === 'automatic' ? 'requested' : 'recorded'} a measure: ${words(e.measure.kind)} (${e.measure.mode}, ${words(e.measure.status)})`
      : 'recorded a measure',
  closed: () => 'closed it',
};

function Timeline({ events }: { events: CaseEvent[] }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">History</h2>
      <ol class="timeline" data-testid="timeline">
        {events.map((e) => (
          <li key={e.seq}>
            <span class="when">{dateTime(e.at)}</span> <strong>{e.by}</strong>{' '}
            {eventWords[e.kind](e)}
            {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
              <span class="muted">
                {' '}
                ({words(e.fromStatus)} → {words(e.toStatus)})
              </span>
            )}
            {e.text && <div class="text">{e.text}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}

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

function CommentForm({ id, onAdded }: { id: string; onAdded: () => void }) {
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

function Measures({ c, onAdded }: { c: CaseDetail; onAdded: () => void }) {
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
    <section class="panel stack" aria-labelledby="measures-title">
      <h2 id="measures-title">Measures</h2>
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
    </section>
  );
}

function Deliveries({ id, version }: { id: string; version: number }) {
  const loaded = useApi(
    (signal) =>
      api.get<{ deliveries: Delivery[] }>('/cases/deliveries', {
        query: { caseId: id, limit: 50 },
        signal,
      }),
    [id, version],
  );
  return (
    <section class="panel" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Sent to the other case system</h2>
      {loaded.error ? (
        <ErrorMessage error={loaded.error} />
      ) : !loaded.data ? (
        <Loading what="deliveries" />
      ) : loaded.data.deliveries.length === 0 ? (
        <Empty>Nothing sent for this case.</Empty>
      ) : (
        <table data-testid="deliveries">
          <thead>
            <tr>
              <th>Event</th>
              <th>State</th>
              <th class="num">Attempts</th>
              <th>Last answer</th>
            </tr>
          </thead>
          <tbody>
            {loaded.data.deliveries.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.event}
                  <div class="muted">{dateTime(d.createdAt)}</div>
                </td>
                <td>
                  {d.status}
                  {d.deliveredAt && <div class="muted">{dateTime(d.deliveredAt)}</div>}
                </td>
                <td class="num">{d.attemptsTotal}</td>
                <td>{d.lastError ?? (d.lastStatus !== null ? `HTTP ${d.lastStatus}` : '—')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
