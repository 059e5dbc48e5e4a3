// The case queue: my cases by default, filters in the address, counts per status, keyset pages;
// take, start, release and close following the role; bulk assignment and export for
// supervisors and admins. A change someone else made first (409) is said in words with a
// reload, never overwritten.
import { useState } from 'preact/hooks';
import { api, queryString } from '../api.js';
import { BulkAssign } from '../cases/bulk-assign.js';
import {
  ANYONE,
  exportQuery,
  filtersFromQuery,
  listQuery,
  queryFromFilters,
  withFilter,
  type CaseFilters,
} from '../cases/case-filters.js';
import { isManager, moveRequest, type Move } from '../cases/case-moves.js';
import { words, type CaseDetail, type CaseList, type CaseSummary } from '../cases/case-types.js';
import { ChangeError, type Failure } from '../cases/case-ui.js';
import { QueueFilters, StatusTabs } from '../cases/queue-filters.js';
import { CaseTable } from '../cases/queue-table.js';
import { Link, setQuery, useLocation } from '../router.js';
import { caseWorkerRoles, useMe, type Me } from '../session.js';
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

      <StatusTabs filters={filters} counts={list.data?.counts} onChange={change} />

      <QueueFilters filters={filters} onChange={change} assignees={assignees} />

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
        <CaseTable
          items={items}
          me={me}
          manager={manager}
          busy={busy}
          loading={list.loading}
          selected={selected}
          onSelect={(c, on) =>
            setSelected((s) => {
              const next = new Map(s);
              if (on) next.set(c.id, c.version);
              else next.delete(c.id);
              return next;
            })
          }
          onMove={(c, move) => (move === 'close' ? setClosing(c.id) : void act(c, move))}
          closing={closing}
          onClosed={(closed) => {
            setClosing(null);
            setNotice(`Case ${closed.id} is closed as ${closed.outcome ?? 'done'}.`);
            list.reload();
          }}
          onCancelClose={() => setClosing(null)}
          onReload={reload}
        />
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
