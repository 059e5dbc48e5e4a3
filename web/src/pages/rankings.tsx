// The landing page, what MiningWatch gives an inspector: pick the entity type, sector, offence,
// region, band, lowest score or an id or name; see how many are red, orange, green and blue for
// that filter, and a ranked table one page at a time. Every choice lives in the address bar, so
// a view can be bookmarked and shared and the back button undoes it.
import './rankings.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { setQuery, useLocation } from '../router.js';
import { staffRoles, useMe } from '../session.js';
import type { Band } from '../ui/band.js';
import { Loading } from '../ui/status.js';
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
import { BandSummary } from '../rankings/band-summary.js';
import { FilterForm } from '../rankings/filter-form.js';
import { formatInstant } from '../rankings/format.js';
import { openApiDocument } from '../rankings/openapi.js';
import { rankingOptions, remember, sectorPrefixes, typeNoun } from '../rankings/options.js';
import { PageTrail } from '../rankings/page-trail.js';
import { ListError, NoRows, Pager, RankingTable } from '../rankings/ranking-table.js';
import type { BandCounts, Rankings } from '../rankings/types.js';

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
            previous={trail.previousOf(settled.cursor)}
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
