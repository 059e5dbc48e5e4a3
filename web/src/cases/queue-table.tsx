// The queue's table: a row per case (select box for managers, status, band, score, what it
// concerns, offence, origin, assignee, when opened, and the moves the user may make), with the
// close form opening under the row of the case being closed.
import { api } from '../api.js';
import { Link } from '../router.js';
import type { Me } from '../session.js';
import { BandBadge } from '../ui/band.js';
import { ErrorMessage, Loading } from '../ui/status.js';
import { useApi } from '../ui/use-api.js';
import { moveNames, movesFor, type Move } from './case-moves.js';
import { words, type CaseDetail, type CaseSummary } from './case-types.js';
import { CloseCaseForm, StatusBadge } from './case-ui.js';
import { dateTime, fixed } from './format.js';

/** What every row is told alike. */
interface RowContext {
  me: Me;
  manager: boolean;
  /** A move is being sent: the moves wait. */
  busy: boolean;
  onClosed: (closed: CaseDetail) => void;
  onCancelClose: () => void;
  onReload: () => void;
}

export function CaseTable({
  items,
  loading,
  selected,
  onSelect,
  onMove,
  closing,
  ...row
}: RowContext & {
  items: CaseSummary[];
  /** The list is being read again. */
  loading: boolean;
  /** The cases selected for bulk assignment. */
  selected: ReadonlyMap<string, number>;
  onSelect: (c: CaseSummary, on: boolean) => void;
  onMove: (c: CaseSummary, move: Move) => void;
  /** The case whose close form is open, if any. */
  closing: string | null;
}) {
  return (
    <table class="case-table" aria-busy={loading || row.busy}>
      <thead>
        <tr>
          {row.manager && (
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
            {...row}
            selected={selected.has(c.id)}
            onSelect={(on) => onSelect(c, on)}
            onMove={(move) => onMove(c, move)}
            closing={closing === c.id}
          />
        ))}
      </tbody>
    </table>
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
}: RowContext & {
  c: CaseSummary;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onMove: (move: Move) => void;
  closing: boolean;
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
