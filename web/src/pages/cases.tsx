// The case queue: my cases by default, filters in the address, counts per status, keyset pages;
// take, start, release and close following the role; bulk assignment and export for
// supervisors and admins. A change someone else made first (409) is said in words with a
// reload, never overwritten.
import { useState } from 'preact/hooks';
import { api, queryString } from '../api.js';
import {
  ANYONE,
  exportQuery,
  filtersFromQuery,
  listQuery,
  queryFromFilters,
  withFilter,
  type CaseFilters,
} from '../cases/case-filters.js';
import { isManager, moveNames, moveRequest, movesFor, type Move } from '../cases/case-moves.js';
import {
  caseStatuses,
  offences,
  origins,
  statusNames,
  words,
  type CaseDetail,
  type CaseList,
  type CaseSummary,
} from '../cases/case-types.js';
import { ChangeError, CloseCaseForm, StatusBadge, WordSelect } from '../cases/case-ui.js';
import { dateTime, fixed } from '../cases/format.js';
import { Link, setQuery, useLocation } from '../router.js';
import { caseWorkerRoles, useMe, type Me } from '../session.js';
import { BandBadge, bands, type Band } from '../ui/band.js';
import { Empty, ErrorMessage, Loading } from '../ui/status.js';
import { useApi } from '../ui/use-api.js';
import './cases.css';

const PAGE = 25;

export function CasesPage(_props: { params: Record<string, string> }) {
  const me = useMe();
  if (!caseWorkerRoles.includes(me.role)) {
    return (
      <section>
        <h1>Cases</h1>
        <p>
          The case queue is for case workers: investigators, the internal-fraud unit and
          supervisors. How the cases turned out is on the <Link href="/models">model page</Link>.
        </p>
      </section>
    );
  }
  return <Queue me={me} />;
}

interface Failure {
  error: Error;
  what: string;
}

function Queue({ me }: { me: Me }) {
  const location = useLocation();
  const filters = filtersFromQuery(location.query);
  const key = queryFromFilters(filters).toString();
  const list = useApi(
    (signal) => api.get<CaseList>('/cases', { query: listQuery(filters, PAGE), signal }),
    [key],
  );
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState<string | null>(null);
  const [selected, setSelected] = useState<Map<string, number>>(new Map());
  const manager = isManager(me);

  const change = (c: Partial<CaseFilters>) => {
    setSelected(new Map());
    setQuery(queryFromFilters(withFilter(filters, c)));
  };
  const reload = () => {
    setFailure(null);
    list.reload();
  };

  const act = async (c: CaseSummary, move: Exclude<Move, 'close'>) => {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      const { path, body } = moveRequest(c, move);
      const after = await api.post<CaseDetail>(path, body);
      setNotice(`Case ${c.id} is now ${words(after.status)}.`);
      list.reload();
    } catch (error) {
      setFailure({ error: error as Error, what: `case ${c.id}` });
    } finally {
      setBusy(false);
    }
  };

  const items = list.data?.items ?? [];
  const counts = list.data?.counts;
  const total = counts ? caseStatuses.reduce((n, s) => n + counts[s], 0) : null;
  const assignees = [
    ...new Set([me.username, ...items.flatMap((c) => (c.assignee ? [c.assignee] : []))]),
  ];

  return (
    <section class="cases">
      <header class="page-head">
        <h1>Cases</h1>
        <p class="muted">
          {filters.assignee === 'me'
            ? 'Your cases.'
            : filters.assignee
              ? `Cases assigned to ${filters.assignee}.`
              : 'Everyone’s cases.'}{' '}
          <Link href={`/cases?status=new&assignee=${ANYONE}`}>New cases waiting to be taken</Link>
        </p>
      </header>

      <nav class="status-tabs" aria-label="Cases by status">
        <button
          type="button"
          class="secondary"
          aria-pressed={filters.status.length === 0}
          onClick={() => change({ status: [] })}
        >
          All {total !== null && <span class="count">{total}</span>}
        </button>
        {caseStatuses.map((s) => (
          <button
            key={s}
            type="button"
            class="secondary"
            aria-pressed={filters.status.length === 1 && filters.status[0] === s}
            onClick={() => change({ status: [s] })}
          >
            {statusNames[s]} {counts && <span class="count">{counts[s]}</span>}
          </button>
        ))}
      </nav>

      <Filters filters={filters} onChange={change} assignees={assignees} />

      {manager && (
        <p class="export">
          Export these cases:{' '}
          <a href={`/api/cases/export${queryString({ ...exportQuery(filters), format: 'csv' })}`}>
            CSV
          </a>{' '}
          ·{' '}
          <a href={`/api/cases/export${queryString(exportQuery(filters))}`} target="_blank">
            JSON
          </a>
        </p>
      )}

      {manager && selected.size > 0 && (
        <BulkAssign
          selected={selected}
          assignees={assignees}
          onDone={(message) => {
            setSelected(new Map());
            setNotice(message);
            list.reload();
          }}
          onFailure={setFailure}
        />
      )}

      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {failure && <ChangeError error={failure.error} what={failure.what} onReload={reload} />}

      {list.error ? (
        <ErrorMessage error={list.error} />
      ) : !list.data ? (
        <Loading what="cases" />
      ) : items.length === 0 ? (
        <Empty>
          {filters.assignee === 'me'
            ? 'You have no cases that match these filters.'
            : 'No cases match these filters.'}
        </Empty>
      ) : (
        <table class="case-table" aria-busy={list.loading || busy}>
          <thead>
            <tr>
              {manager && (
                <th>
                  <span class="visually-hidden">Select</span>
                </th>
              )}
              <th>Case</th>
              <th>Status</th>
              <th>Band</th>
              <th class="num">Score</th>
              <th>Concerns</th>
              <th>Offence</th>
              <th>Origin</th>
              <th>Assignee</th>
              <th>Opened</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <CaseRow
                key={c.id}
                c={c}
                me={me}
                manager={manager}
                busy={busy}
                selected={selected.has(c.id)}
                onSelect={(on) =>
                  setSelected((s) => {
                    const next = new Map(s);
                    if (on) next.set(c.id, c.version);
                    else next.delete(c.id);
                    return next;
                  })
                }
                onMove={(move) => (move === 'close' ? setClosing(c.id) : void act(c, move))}
                closing={closing === c.id}
                onClosed={(closed) => {
                  setClosing(null);
                  setNotice(`Case ${closed.id} is closed as ${closed.outcome ?? 'done'}.`);
                  list.reload();
                }}
                onCancelClose={() => setClosing(null)}
                onReload={reload}
              />
            ))}
          </tbody>
        </table>
      )}

      <nav class="pager" aria-label="Pages">
        {filters.cursor && (
          <button type="button" class="secondary" onClick={() => change({ cursor: '' })}>
            ← First page
          </button>
        )}
        {list.data?.nextCursor && (
          <button
            type="button"
            class="secondary"
            onClick={() =>
              setQuery(queryFromFilters({ ...filters, cursor: list.data!.nextCursor! }))
            }
          >
            Next page →
          </button>
        )}
      </nav>
    </section>
  );
}

function Filters({
  filters,
  onChange,
  assignees,
}: {
  filters: CaseFilters;
  onChange: (change: Partial<CaseFilters>) => void;
  assignees: string[];
}) {
  const toggleBand = (band: Band, on: boolean) =>
    onChange({ band: on ? [...filters.band, band] : filters.band.filter((b) => b !== band) });
  return (
    <form class="filters panel" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        Assignee
        <input
          name="assignee"
          list="case-assignees"
          value={filters.assignee}
          placeholder="anyone"
          onChange={(e) => onChange({ assignee: e.currentTarget.value.trim() })}
        />
        <datalist id="case-assignees">
          <option value="me">my cases</option>
          {assignees.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
      <fieldset class="band-filter">
        <legend>Band</legend>
        {bands.map((b) => (
          <label key={b} class="inline">
            <input
              type="checkbox"
              checked={filters.band.includes(b)}
              onChange={(e) => toggleBand(b, e.currentTarget.checked)}
            />
            <BandBadge band={b} />
          </label>
        ))}
      </fieldset>
      <label>
        Sector
        <input
          name="sector"
          size={6}
          value={filters.sector}
          placeholder="F41"
          onChange={(e) => onChange({ sector: e.currentTarget.value.trim().toUpperCase() })}
        />
      </label>
      <label>
        Region
        <input
          name="region"
          size={10}
          value={filters.region}
          onChange={(e) => onChange({ region: e.currentTarget.value.trim() })}
        />
      </label>
      <WordSelect
        label="Offence"
        name="offence"
        blank="any"
        options={offences}
        value={filters.offence}
        onChange={(offence) => onChange({ offence })}
      />
      <WordSelect
        label="Origin"
        name="origin"
        blank="any"
        options={origins}
        value={filters.origin}
        onChange={(origin) => onChange({ origin })}
      />
      <label>
        Order
        <select
          name="sort"
          value={filters.sort}
          onChange={(e) => onChange({ sort: e.currentTarget.value as CaseFilters['sort'] })}
        >
          <option value="newest">newest first</option>
          <option value="score">highest score first</option>
        </select>
      </label>
    </form>
  );
}

function CaseRow({
  c,
  me,
  manager,
  busy,
  selected,
  onSelect,
  onMove,
  closing,
  onClosed,
  onCancelClose,
  onReload,
}: {
  c: CaseSummary;
  me: Me;
  manager: boolean;
  busy: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onMove: (move: Move) => void;
  closing: boolean;
  onClosed: (closed: CaseDetail) => void;
  onCancelClose: () => void;
  onReload: () => void;
}) {
  const moves = movesFor(c, me);
  const columns = manager ? 11 : 10;
  return (
    <>
      <tr data-case={c.id}>
        {manager && (
          <td>
            <input
              type="checkbox"
              aria-label={`Select case ${c.id}`}
              checked={selected}
              disabled={c.status === 'closed'}
              onChange={(e) => onSelect(e.currentTarget.checked)}
            />
          </td>
        )}
        <td>
          <Link href={`/cases/${c.id}`}>{c.id}</Link>
          <div class="case-title">{c.title}</div>
        </td>
        <td>
          <StatusBadge status={c.status} />
          {c.outcome && <div class="muted">{c.outcome}</div>}
        </td>
        <td>
          <BandBadge band={c.band} />
        </td>
        <td class="num">{fixed(c.score)}</td>
        <td>
          {c.subject.type} {c.subject.id}
          {c.entityCount > 1 && <div class="muted">and {c.entityCount - 1} more</div>}
        </td>
        <td>{c.offence ? words(c.offence) : '—'}</td>
        <td>{words(c.origin)}</td>
        <td>{c.assignee === me.username ? 'me' : (c.assignee ?? '—')}</td>
        <td>{dateTime(c.createdAt)}</td>
        <td class="actions">
          {moves.map((m) => (
            <button
              key={m}
              type="button"
              class={m === 'release' ? 'secondary' : undefined}
              disabled={busy}
              aria-label={`${moveNames[m].replace('…', '')} case ${c.id}`}
              onClick={() => onMove(m)}
            >
              {moveNames[m]}
            </button>
          ))}
        </td>
      </tr>
      {closing && (
        <tr class="closing">
          <td colSpan={columns}>
            <CloseInline
              id={c.id}
              onClosed={onClosed}
              onCancel={onCancelClose}
              onReload={onReload}
            />
          </td>
        </tr>
      )}
    </>
  );
}

/** The close form under a queue row: the case is read first (its entities and version). */
function CloseInline({
  id,
  onClosed,
  onCancel,
  onReload,
}: {
  id: string;
  onClosed: (closed: CaseDetail) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const detail = useApi((signal) => api.get<CaseDetail>(`/cases/${id}`, { signal }), [id]);
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (!detail.data) return <Loading what={`case ${id}`} />;
  return (
    <CloseCaseForm
      detail={detail.data}
      onClosed={onClosed}
      onCancel={onCancel}
      onReload={() => {
        detail.reload();
        onReload();
      }}
    />
  );
}

function BulkAssign({
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
