// The landing page, what MiningWatch gives an inspector: pick the entity type, sector, offence,
// region, band, lowest score or an id or name; see how many are red, orange, green and blue for
// that filter, and a ranked table one page at a time. Every choice lives in the address bar, so
// a view can be bookmarked and shared and the back button undoes it.
import './rankings.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { Link, setQuery, useLocation } from '../router.js';
import { staffRoles, useMe } from '../session.js';
import { BandBadge, bands, type Band } from '../ui/band.js';
import { Empty, ErrorMessage, Loading } from '../ui/status.js';
import { useApi } from '../ui/use-api.js';
import {
  apiQuery,
  changed,
  emptyFilters,
  filtersFromQuery,
  isFiltered,
  queryFromFilters,
  toggledBand,
  type RankingFilters,
} from '../rankings/filters.js';
import { formatCount, formatInstant, formatScore, sentence } from '../rankings/format.js';
import { openApiDocument } from '../rankings/openapi.js';
import {
  rankingOptions,
  remember,
  sectorPrefixes,
  typeNoun,
  type Choice,
} from '../rankings/options.js';
import { PageTrail } from '../rankings/page-trail.js';
import type { BandCounts, RankingItem, Rankings } from '../rankings/types.js';

const PAGE_SIZE = 50;
/** Typing waits this long after the last key before the list is asked for again. */
const TYPING_MS = 250;

// Kept while the app runs: the way back through pages, and the regions and sectors seen.
const trail = new PageTrail();
const seenRegions = new Set<string>();
const seenSectors = new Set<string>();

const rankingsFor = (filters: RankingFilters, signal?: AbortSignal) =>
  api.get<Rankings>('/rankings', {
    query: apiQuery(filters, PAGE_SIZE),
    purpose: 'rankings',
    ...(signal && { signal }),
  });

/**
 * The landing page's first list, asked for as soon as the app's script runs, beside the session
 * check (/api/auth/me) rather than after it: the page takes it once if its filter is the same.
 * Not signed in, it fails (401) and the page, once someone signs in, asks again.
 */
let early: { key: string; answer: Promise<Rankings> } | null = null;
if (window.location.pathname === '/') {
  const filters = filtersFromQuery(new URLSearchParams(window.location.search));
  early = { key: queryFromFilters(filters).toString(), answer: rankingsFor(filters) };
  early.answer.catch(() => undefined); // only the page reports errors, of its own request
}

/** The early answer for this filter (once), else a request of its own; also when it failed. */
function earlyOr(key: string, ask: () => Promise<Rankings>): Promise<Rankings> {
  const taken = early?.key === key ? early.answer : null;
  early = null;
  return taken ? taken.catch(ask) : ask();
}

export function RankingsPage(_props: { params: Record<string, string> }) {
  const me = useMe();
  const { query } = useLocation();
  const filters = filtersFromQuery(query);
  const typedAt = useRef(-Infinity);

  // The list follows the address at once, except while someone types: then it waits a moment.
  const wanted = queryFromFilters(filters).toString();
  const settledText = useSettled(wanted, typedAt);
  const settled = filtersFromQuery(new URLSearchParams(settledText));

  const doc = useApi(() => openApiDocument(), []);
  const options = doc.data ? rankingOptions(doc.data, staffRoles.includes(me.role)) : null;

  const list = useApi(
    async (signal) => ({
      // The filter the answer belongs to (the table says it, so a test can wait for it).
      key: settledText,
      rankings: await earlyOr(settledText, () => rankingsFor(settled, signal)),
    }),
    [settledText],
  );
  const rankings = list.data?.rankings ?? null;
  const regions = remember(seenRegions, rankings?.items.map((i) => i.region) ?? []);
  const sectors = remember(
    seenSectors,
    rankings?.items.flatMap((i) => sectorPrefixes(i.sector)) ?? [],
  );

  const update = (change: Partial<RankingFilters>, typing = false) => {
    if (typing) typedAt.current = performance.now();
    setQuery(queryFromFilters(changed(filters, change)), { replace: typing });
  };
  const show = (next: RankingFilters) => setQuery(queryFromFilters(next));

  return (
    <section class="rankings" aria-labelledby="rankings-title">
      <div class="rankings-head">
        <h1 id="rankings-title">Rankings</h1>
        {rankings?.scoredAt && (
          <p class="muted" data-testid="scored-at">
            Scores written {formatInstant(rankings.scoredAt)}
            {rankings.run ? ` by run ${rankings.run}` : ''}. A score is a reason to look, never a
            decision.
          </p>
        )}
      </div>

      <FilterForm
        filters={filters}
        options={options}
        optionsError={doc.error}
        regions={regions}
        sectors={sectors}
        update={update}
        clear={() => show({ ...emptyFilters, type: filters.type, sort: filters.sort })}
      />

      <BandSummary
        counts={rankings?.counts ?? null}
        filters={filters}
        noun={typeNoun(settled.type)}
        pick={(band) => show(toggledBand(filters, band))}
      />

      {list.error ? (
        <ListError error={list.error} retry={list.reload} restart={() => update({})} />
      ) : !rankings ? (
        <Loading what="the rankings" />
      ) : rankings.items.length === 0 ? (
        <NoRows
          filtered={isFiltered(settled)}
          clear={() => show({ ...emptyFilters, type: settled.type, sort: settled.sort })}
        />
      ) : (
        <>
          <RankingTable
            items={rankings.items}
            offset={trail.offsetOf(settled.cursor)}
            busy={list.loading || list.data?.key !== wanted}
            query={list.data?.key ?? ''}
          />
          <Pager
            cursor={settled.cursor}
            rows={rankings.items.length}
            offset={trail.offsetOf(settled.cursor)}
            total={selectedTotal(rankings.counts, settled.band)}
            nextCursor={rankings.nextCursor}
            go={(cursor) => {
              if (cursor && cursor === rankings.nextCursor) {
                trail.followed(settled.cursor, rankings.items.length, cursor);
              }
              show({ ...settled, cursor });
              document.getElementById('rankings-table')?.scrollIntoView({ block: 'start' });
            }}
          />
        </>
      )}
    </section>
  );
}

/**
 * The value the list is loaded for: the wanted one at once, or TYPING_MS after the last key
 * while someone types, so a search does not ask the server at every letter.
 */
function useSettled(wanted: string, typedAt: { current: number }): string {
  const [settled, setSettled] = useState(wanted);
  useEffect(() => {
    if (wanted === settled) return undefined;
    const since = performance.now() - typedAt.current;
    if (since >= TYPING_MS) {
      setSettled(wanted);
      return undefined;
    }
    const timer = setTimeout(() => setSettled(wanted), TYPING_MS - since);
    return () => clearTimeout(timer);
  }, [wanted, settled]);
  return settled;
}

/** Rows the band selection holds (every band when none is picked). */
function selectedTotal(counts: BandCounts, picked: Band[]): number {
  return picked.length === 0 ? counts.total : picked.reduce((sum, b) => sum + counts[b], 0);
}

interface FilterFormProps {
  filters: RankingFilters;
  options: { types: Choice[]; offences: Choice[]; sorts: Choice[] } | null;
  optionsError: Error | null;
  regions: string[];
  sectors: string[];
  update: (change: Partial<RankingFilters>, typing?: boolean) => void;
  clear: () => void;
}

function FilterForm(props: FilterFormProps) {
  const { filters, options, update } = props;
  const toggleBand = (band: Band, on: boolean) =>
    update({ band: on ? [...filters.band, band] : filters.band.filter((b) => b !== band) });

  return (
    <form
      class="panel rankings-filters"
      role="search"
      aria-label="Filter the rankings"
      onSubmit={(e) => e.preventDefault()}
    >
      <label>
        Search id or name
        <input
          type="search"
          name="q"
          placeholder="E0-868, Jacobs…"
          value={filters.q}
          onInput={(e) => update({ q: e.currentTarget.value }, true)}
        />
      </label>
      <ChoiceSelect
        label="Entity type"
        name="type"
        value={filters.type}
        choices={options?.types}
        pick={(type) => update({ type })}
      />
      <label title="NACE section letter or code prefix: F, F41, F41.20 (employers only)">
        Sector (NACE)
        <input
          name="sector"
          list="sector-suggestions"
          placeholder={filters.type === 'employer' ? 'F, F41…' : 'n/a'}
          disabled={filters.type !== 'employer'}
          value={filters.sector}
          size={8}
          onInput={(e) => update({ sector: e.currentTarget.value.toUpperCase() }, true)}
        />
        <datalist id="sector-suggestions">
          {props.sectors.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
      <ChoiceSelect
        label="Offence"
        name="offence"
        value={filters.offence}
        choices={options?.offences}
        anyLabel="Any offence"
        pick={(offence) => update({ offence })}
      />
      <label>
        Region
        <input
          name="region"
          list="region-suggestions"
          placeholder="BE21…"
          value={filters.region}
          size={8}
          onInput={(e) => update({ region: e.currentTarget.value }, true)}
        />
        <datalist id="region-suggestions">
          {props.regions.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </label>
      <label>
        Lowest score
        <input
          name="minScore"
          type="number"
          min="0"
          max="1"
          step="0.05"
          placeholder="0–1"
          value={filters.minScore}
          size={5}
          onInput={(e) => update({ minScore: e.currentTarget.value }, true)}
        />
      </label>
      <fieldset class="band-filter">
        <legend>Band</legend>
        {bands.map((band) => (
          <label key={band} class="check">
            <input
              type="checkbox"
              name="band"
              value={band}
              checked={filters.band.includes(band)}
              onChange={(e) => toggleBand(band, e.currentTarget.checked)}
            />
            <BandBadge band={band} />
          </label>
        ))}
      </fieldset>
      <ChoiceSelect
        label="Sort"
        name="sort"
        value={filters.sort}
        choices={options?.sorts}
        pick={(sort) => update({ sort })}
      />
      <div class="filter-actions">
        <button
          type="button"
          class="secondary"
          disabled={!isFiltered(filters)}
          onClick={props.clear}
        >
          Clear filters
        </button>
      </div>
      {props.optionsError && (
        <p class="muted options-error">
          The lists of types, offences and sort orders could not be read (
          {props.optionsError.message}); the filter still works from the address bar.
        </p>
      )}
    </form>
  );
}

/**
 * A select over the API's choices. Until they arrive it offers the value it holds, so the
 * address still shows; `anyLabel` adds an empty choice first (no filter).
 */
function ChoiceSelect(props: {
  label: string;
  name: string;
  value: string;
  choices: Choice[] | undefined;
  anyLabel?: string;
  pick: (value: string) => void;
}) {
  const { value } = props;
  const choices = props.choices ?? (value ? [{ value, label: value }] : []);
  return (
    <label>
      {props.label}
      <select name={props.name} value={value} onChange={(e) => props.pick(e.currentTarget.value)}>
        {props.anyLabel !== undefined && <option value="">{props.anyLabel}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function BandSummary(props: {
  counts: BandCounts | null;
  filters: RankingFilters;
  noun: string;
  pick: (band: Band) => void;
}) {
  const { counts, filters } = props;
  return (
    <div class="band-summary" role="group" aria-label="Counts per band (click to show one band)">
      {bands.map((band) => {
        const pressed = filters.band.includes(band);
        return (
          <button
            key={band}
            type="button"
            class={`band-count band-count-${band}`}
            aria-pressed={pressed}
            data-testid={`count-${band}`}
            onClick={() => props.pick(band)}
            title={
              pressed && filters.band.length === 1 ? 'Show every band' : `Show only ${band} band`
            }
          >
            <BandBadge band={band} />
            <span class="count">{counts ? formatCount(counts[band]) : '…'}</span>
          </button>
        );
      })}
      <p class="band-total muted" data-testid="count-total">
        {counts ? `${formatCount(counts.total)} ${props.noun} scored for this filter` : 'Counting…'}
      </p>
    </div>
  );
}

function RankingTable(props: {
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

function Pager(props: {
  cursor: string;
  rows: number;
  offset: number | null;
  total: number;
  nextCursor: string | null;
  go: (cursor: string) => void;
}) {
  const previous = trail.previousOf(props.cursor);
  const { offset, rows } = props;
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

function NoRows(props: { filtered: boolean; clear: () => void }) {
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

function ListError(props: { error: Error; retry: () => void; restart: () => void }) {
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
