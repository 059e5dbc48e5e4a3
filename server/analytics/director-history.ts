// Director history on the projection: for each person, the companies they directed that went
// bankrupt or into liquidation with contribution debt within the 3 years before the as-of date
// (or are bankrupt with no ceasing date), and the debt those left; for each employer, the
// other companies its directors directed, how many of those went down that way, and the debt.
// A directorship counts once it started by the as-of date (or when its start is unknown);
// directors flagged as hubs (hubs.ts: a nominee director of hundreds of companies) are left
// out of an employer's history, as in the neighbour counts. A company directed twice, or
// through two directors, counts once.
//
// Why not Cypher: these were query features, a two-hop expansion from every employer and one
// from every person inside Neo4j, 30 s of its time at 1 M persons while it also computed the
// other query features. The projection holds the directorships and each employer's status,
// debt and ceasing day, so here they take a second over one adjacency of the directorships.
import { failedWithDebt, isoDay, type ProjectedGraph } from './projected-graph.js';
import { runThrough, yieldMask, type Steps } from './steps.js';

export interface DirectorHistory {
  /** Employer: other employers directed by its directors. */
  companies: Int32Array;
  /** Person: companies directed that failed recently; employer: of `companies`, those. */
  bankruptcies: Int32Array;
  /** The contribution debt (euros) left by those of `bankruptcies`. */
  debtEur: Float64Array;
}

/** The years before the as-of date within which a failure counts. */
const recentYears = 3;

/**
 * The day (since 1970-01-01) `years` calendar years before an ISO date, as Cypher's
 * `date - duration({years: n})` gives it: 29 February becomes 28 February.
 */
export function yearsBefore(isoDate: string, years: number): number {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return Math.floor(Date.UTC(year, m - 1, Math.min(d, lastDay)) / 86_400_000);
}

export function directorHistory(
  projected: ProjectedGraph,
  hubs: ReadonlySet<number>,
  asOf: string,
): DirectorHistory {
  return runThrough(directorHistorySteps(projected, hubs, asOf));
}

/** The history as steps (steps.ts), to run alongside other work. */
export function* directorHistorySteps(
  projected: ProjectedGraph,
  hubs: ReadonlySet<number>,
  asOf: string,
): Steps<DirectorHistory> {
  const n = projected.order;
  const { labels } = projected;
  const asOfDay = isoDay(asOf);
  const since = yearsBefore(asOf, recentYears);

  // Debt left by an employer that failed recently, NaN for any other node.
  const failedDebt = new Float64Array(n).fill(NaN);
  for (const [node, facts] of projected.facts) {
    if (labels[node] !== 'Employer' || !failedWithDebt(facts)) continue;
    const { status, debt = 0, ceasedDay = NaN } = facts;
    const recent = Number.isNaN(ceasedDay)
      ? status === 'bankrupt'
      : ceasedDay <= asOfDay && ceasedDay > since;
    if (recent) failedDebt[node] = debt;
  }

  // Directorships by the as-of date, from both ends: a person's employers, an employer's
  // directors.
  const start = new Int32Array(n + 1);
  const counts = (kind: string, startDay: number) =>
    kind === 'DIRECTS' && (Number.isNaN(startDay) || startDay <= asOfDay);
  projected.forEachLink((kind, s, t, startDay) => {
    if (!counts(kind, startDay) || s === t) return;
    start[s + 1]!++;
    start[t + 1]!++;
  });
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const other = new Int32Array(start[n]!);
  projected.forEachLink((kind, s, t, startDay) => {
    if (!counts(kind, startDay) || s === t) return;
    other[fill[s]!++] = t;
    other[fill[t]!++] = s;
  });
  yield;

  const history: DirectorHistory = {
    companies: new Int32Array(n),
    bankruptcies: new Int32Array(n),
    debtEur: new Float64Array(n),
  };
  // mark[o] === v: employer o was already counted for node v.
  const mark = new Int32Array(n).fill(-1);
  const count = (v: number, o: number) => {
    if (mark[o] === v) return;
    mark[o] = v;
    history.companies[v]!++;
    if (Number.isNaN(failedDebt[o]!)) return;
    history.bankruptcies[v]!++;
    history.debtEur[v]! += failedDebt[o]!;
  };
  for (let v = 0; v < n; v++) {
    if ((v & yieldMask) === 0) yield;
    if (labels[v] === 'Person') {
      for (let j = start[v]!; j < start[v + 1]!; j++) count(v, other[j]!);
      history.companies[v] = 0; // a person's own companies are not a feature
    } else if (labels[v] === 'Employer') {
      mark[v] = v; // not itself
      for (let j = start[v]!; j < start[v + 1]!; j++) {
        const director = other[j]!;
        if (hubs.has(director)) continue;
        for (let k = start[director]!; k < start[director + 1]!; k++) count(v, other[k]!);
      }
    }
  }
  return history;
}
