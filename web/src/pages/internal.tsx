// The internal-fraud page (internal_fraud and admin; the shell hides it from the others and the
// server refuses them): officials ranked by risk, and for the official chosen (`?staff=` in the
// address) the claims they processed whose claimants are linked to them, each linking path
// written out. The network of those links is drawn by the graph canvas in the marked slot.
import { Fragment } from 'preact';
import { useMemo } from 'preact/hooks';
import { api } from '../api.js';
import { words } from '../cases/case-types.js';
import { day, euros, fixed, percent } from '../cases/format.js';
import { kindWords, linkSteps, pathHighlight } from '../internal/link-paths.js';
import type { LinkedClaim, StaffLinkGraph, StaffLinkedClaims } from '../internal/link-types.js';
import { GraphCanvas } from '../network/graph-canvas.js';
import { Link, setQuery, useLocation } from '../router.js';
import { BandBadge, type Band } from '../ui/band.js';
import { Empty, ErrorMessage, Loading } from '../ui/status.js';
import { useApi } from '../ui/use-api.js';
import './internal.css';

interface StaffItem {
  id: string;
  label: string;
  score: number;
  band: Band;
  rank: number | null;
  topReason: string | null;
  region: string | null;
}

interface StaffRanking {
  items: StaffItem[];
  nextCursor: string | null;
  counts: Partial<Record<Band, number>>;
}

const PAGE = 25;

export function InternalPage(_props: { params: Record<string, string> }) {
  const location = useLocation();
  const staffId = location.query.get('staff') ?? '';
  const cursor = location.query.get('cursor') ?? '';
  const choose = (change: Record<string, string>) => {
    const query = new URLSearchParams(location.query);
    for (const [k, v] of Object.entries(change)) {
      if (v) query.set(k, v);
      else query.delete(k);
    }
    setQuery(query);
  };
  return (
    <section class="internal">
      <h1>Internal fraud</h1>
      <p class="muted">
        Officials ranked by risk; choose one to see the claims they processed for people linked to
        them.
      </p>
      <div class="internal-grid">
        <StaffList
          cursor={cursor}
          chosen={staffId}
          onChoose={(id) => choose({ staff: id })}
          onPage={(c) => choose({ cursor: c })}
        />
        {staffId ? (
          <Official id={staffId} />
        ) : (
          <Empty>Choose an official in the list to see their linked claims.</Empty>
        )}
      </div>
    </section>
  );
}

function StaffList({
  cursor,
  chosen,
  onChoose,
  onPage,
}: {
  cursor: string;
  chosen: string;
  onChoose: (id: string) => void;
  onPage: (cursor: string) => void;
}) {
  const ranking = useApi(
    (signal) =>
      api.get<StaffRanking>('/internal/staff', { query: { limit: PAGE, cursor }, signal }),
    [cursor],
  );
  if (ranking.error) return <ErrorMessage error={ranking.error} />;
  if (!ranking.data) return <Loading what="officials" />;
  const { items, nextCursor } = ranking.data;
  return (
    <section aria-labelledby="staff-title">
      <h2 id="staff-title">Officials by risk</h2>
      {items.length === 0 ? (
        <Empty>No official is scored yet.</Empty>
      ) : (
        <table class="staff-table" data-testid="staff-ranking">
          <thead>
            <tr>
              <th class="num">Rank</th>
              <th>Official</th>
              <th>Band</th>
              <th class="num">Score</th>
              <th>Top reason</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} aria-current={s.id === chosen ? 'true' : undefined}>
                <td class="num">{s.rank ?? '—'}</td>
                <td>
                  <button
                    type="button"
                    class="link"
                    aria-pressed={s.id === chosen}
                    onClick={() => onChoose(s.id)}
                  >
                    {s.label}
                  </button>
                  {s.region && <div class="muted">{s.region}</div>}
                </td>
                <td>
                  <BandBadge band={s.band} />
                </td>
                <td class="num">{fixed(s.score)}</td>
                <td>{s.topReason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label="Pages of officials">
        {cursor && (
          <button type="button" class="secondary" onClick={() => onPage('')}>
            ← First page
          </button>
        )}
        {nextCursor && (
          <button type="button" class="secondary" onClick={() => onPage(nextCursor)}>
            Next page →
          </button>
        )}
      </nav>
    </section>
  );
}

function Official({ id }: { id: string }) {
  const view = useApi(
    (signal) =>
      api.get<StaffLinkedClaims>(`/internal/staff/${encodeURIComponent(id)}/linked-claims`, {
        signal,
      }),
    [id],
  );
  if (view.error) return <ErrorMessage error={view.error} />;
  if (!view.data) return <Loading what={`the claims linked to ${id}`} />;
  const { official: o, summary: s, claims, truncated, graph, asOf } = view.data;
  return (
    <section class="official" aria-labelledby="official-title" data-testid="official">
      <h2 id="official-title">
        Official {o.id} <BandBadge band={o.band} />
      </h2>
      <p>
        {o.unit ? words(o.unit) : 'unit unknown'}, {o.officeRegion ?? 'region unknown'}; score{' '}
        {fixed(o.score)}
        {o.topReason && <> — {o.topReason}</>}.{' '}
        <Link href={`/entities/staff/${encodeURIComponent(o.id)}`}>Entity page</Link>
      </p>
      <p data-testid="linked-summary">
        As of {asOf}: processed {s.claimsProcessed} claims ({s.claimsGranted} granted,{' '}
        {percent(s.grantedShare)}). <strong>{s.claimsLinked}</strong> of them (
        {percent(s.linkedShare)}) are of people linked to the official, {s.claimsLinkedGranted}{' '}
        granted ({percent(s.linkedGrantedShare)}).
        {s.claimsLinkedOutsidePeriod > 0 &&
          ` ${s.claimsLinkedOutsidePeriod} more are linked only by ties that did not hold while the claim ran (not listed).`}
      </p>
      <LinkedClaimsGraph graph={graph} />
      {claims.length === 0 ? (
        <Empty>No claim this official processed is linked to them.</Empty>
      ) : (
        <ClaimTable claims={claims} officialId={o.id} />
      )}
      {truncated && (
        <p class="muted">More claims are linked than listed here (the strongest first).</p>
      )}
    </section>
  );
}

/** The linking paths drawn as a network, the paths highlighted and the rest dimmed. */
function LinkedClaimsGraph({ graph }: { graph: StaffLinkGraph }) {
  const highlight = useMemo(() => pathHighlight(graph), [graph]);
  return (
    <div
      class="graph-slot"
      data-testid="linked-claims-graph"
      data-nodes={graph.nodes.length}
      data-edges={graph.edges.length}
      data-highlighted={highlight.edges.size}
    >
      <GraphCanvas
        view={graph}
        highlightNodes={highlight.nodes}
        highlightEdges={highlight.edges}
        label={`The network of these links: ${graph.nodes.length} nodes, ${graph.edges.length} relations, ${graph.paths.length} linking paths highlighted.`}
      />
      {graph.notes.length > 0 && <p class="muted">{graph.notes.join(' ')}</p>}
    </div>
  );
}

function ClaimTable({ claims, officialId }: { claims: LinkedClaim[]; officialId: string }) {
  return (
    <table class="linked-claims" data-testid="linked-claims">
      <thead>
        <tr>
          <th>Claim</th>
          <th>Period</th>
          <th>Status</th>
          <th class="num">Per month</th>
          <th>Claimant</th>
          <th>How they are linked</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((c) => (
          <tr key={c.id}>
            <td>
              {c.id}
              {c.type && <div class="muted">{words(c.type)}</div>}
            </td>
            <td>
              {day(c.start)} – {c.end ? day(c.end) : 'running'}
            </td>
            <td>{c.status ?? '—'}</td>
            <td class="num">{euros(c.amount)}</td>
            <td>
              <Link href={`/entities/person/${encodeURIComponent(c.claimant.id)}`}>
                {c.claimant.id}
              </Link>{' '}
              <BandBadge band={c.claimant.band} />
            </td>
            <td>
              <ul class="paths">
                {c.links.map((l) => (
                  <li key={l.path.join('>')}>
                    <span class="kind">
                      {kindWords[l.kind]} ({l.hops} {l.hops === 1 ? 'step' : 'steps'})
                    </span>
                    <PathText steps={linkSteps(l, c.id, officialId)} />
                    {(l.period.from || l.period.to) && (
                      <span class="muted">
                        {' '}
                        held {day(l.period.from)} – {day(l.period.to)}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The path, each node and arrow kept whole, breaking only between them. */
function PathText({ steps }: { steps: ReturnType<typeof linkSteps> }) {
  return (
    <span class="path">
      {steps.map((s, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          {s.step === 'edge' ? (
            <span class="edge">{s.text}</span>
          ) : s.type === 'Person' && i > 0 ? (
            <Link href={`/entities/person/${encodeURIComponent(s.id)}`}>{s.text}</Link>
          ) : (
            <span class="node">{s.text}</span>
          )}
        </Fragment>
      ))}
    </span>
  );
}
