// The ranked list: the table (position, entity, score, band, top reason, sector, region), the
// pager, and what shows instead when no row matches or the list could not be read.
import { ApiError } from '../api.js';
import { Link } from '../router.js';
import { BandBadge } from '../ui/band.js';
import { Empty, ErrorMessage } from '../ui/status.js';
import { formatCount, formatScore, sentence } from './format.js';
import type { RankingItem } from './types.js';

export function RankingTable(props: {
  items: RankingItem[];
  offset: number | null;
  busy: boolean;
  /** The address's query the rows answer. */
  query: string;
}) {
  const { items, offset } = props;
  const employers = items[0]?.type === 'employer';
  return (
    <div class="table-wrap" aria-busy={props.busy}>
      <table
        id="rankings-table"
        class={props.busy ? 'rankings-table stale' : 'rankings-table'}
        data-query={props.query}
      >
        <caption class="visually-hidden">Ranked entities, highest risk first by default</caption>
        <thead>
          <tr>
            <th class="num" scope="col" title="Position in this list">
              #
            </th>
            <th scope="col">{employers ? 'Employer' : 'Id'}</th>
            <th class="num" scope="col">
              Score
            </th>
            <th scope="col">Band</th>
            <th scope="col">Top reason</th>
            {employers && <th scope="col">Sector</th>}
            <th scope="col">Region</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, i) => (
            <tr key={`${item.type}:${item.id}`} data-testid="ranking-row">
              <td class="num muted">{offset === null ? '' : formatCount(offset + i + 1)}</td>
              <td>
                <Link href={`/entities/${item.type}/${encodeURIComponent(item.id)}`}>
                  {item.label}
                </Link>
                {item.label !== item.id && <span class="entity-id"> {item.id}</span>}
                {item.status && item.status !== 'active' && (
                  <span class="entity-status"> {item.status}</span>
                )}
              </td>
              <td class="num">{formatScore(item.score)}</td>
              <td>
                <BandBadge band={item.band} />
              </td>
              <td class="reason">
                {item.topReason ? sentence(item.topReason) : <span class="muted">–</span>}
              </td>
              {employers && <td>{item.sector ?? '–'}</td>}
              <td>{item.region ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pager(props: {
  cursor: string;
  /** The page before this one, when the way back is known. */
  previous: string | null;
  rows: number;
  offset: number | null;
  total: number;
  nextCursor: string | null;
  go: (cursor: string) => void;
}) {
  const { previous, offset, rows } = props;
  return (
    <nav class="pager" aria-label="Pages of the rankings">
      {props.cursor === '' ? (
        <button type="button" class="secondary" disabled>
          ← Previous
        </button>
      ) : previous !== null ? (
        <button type="button" class="secondary" onClick={() => props.go(previous)}>
          ← Previous
        </button>
      ) : (
        <button type="button" class="secondary" onClick={() => props.go('')}>
          ⇤ First page
        </button>
      )}
      <span class="muted" data-testid="page-range">
        {offset === null
          ? `${formatCount(rows)} rows`
          : `${formatCount(offset + 1)}–${formatCount(offset + rows)} of ${formatCount(props.total)}`}
      </span>
      <button
        type="button"
        class="secondary"
        disabled={props.nextCursor === null}
        onClick={() => props.nextCursor && props.go(props.nextCursor)}
      >
        Next →
      </button>
    </nav>
  );
}

export function NoRows(props: { filtered: boolean; clear: () => void }) {
  if (!props.filtered) {
    return <Empty>Nothing of this type is scored yet: run `ringwatch score` first.</Empty>;
  }
  return (
    <div class="no-rows">
      <Empty>No entity matches these filters.</Empty>
      <button type="button" class="secondary" onClick={props.clear}>
        Clear filters
      </button>
    </div>
  );
}

export function ListError(props: { error: Error; retry: () => void; restart: () => void }) {
  const staleCursor =
    props.error instanceof ApiError && props.error.fields.some((f) => f.path === 'cursor');
  return (
    <div class="list-error">
      <ErrorMessage error={props.error} />
      {staleCursor ? (
        <button type="button" class="secondary" onClick={props.restart}>
          Start from the first page
        </button>
      ) : (
        <button type="button" class="secondary" onClick={props.retry}>
          Try again
        </button>
      )}
    </div>
  );
}
