// Worker inflow from failed predecessors on the projection: for each employer, the workers whose
// job there started within 90 days (before or after) of the end of an earlier job at another
// employer that went bankrupt or into liquidation leaving contribution debt — a phoenix
// successor takes over the workers of the company it replaces, often hiring them before the
// bankruptcy is declared —, and their share of the workers hired by the as-of date. A job
// counts as hired once its start is known and by the as-of date; the earlier job must have a
// start before the new one and an end. A worker counts once per employer, however many jobs.
//
// Why not Cypher: this was a query feature, every employer's workers and their other jobs
// walked inside Neo4j, 26 s of its time at 1 M persons while it also computed the other query
// features. The projection holds every job with its dates and each employer's status and debt,
// so here it takes a second over each person's jobs.
import { failedWithDebt, type ProjectedGraph } from './projected-graph.js';
import { runThrough, yieldMask, type Steps } from './steps.js';

export interface WorkerInflow {
  /** Employer: workers taken over from a failed employer within the window. */
  fromFailed: Int32Array;
  /** Employer: `fromFailed` over the workers hired by the as-of date (0 when none). */
  share: Float64Array;
}

/** Days before or after the end of the old job within which the new one starts. */
const windowDays = 90;

export function workerInflow(projected: ProjectedGraph, asOfDay: number): WorkerInflow {
  return runThrough(workerInflowSteps(projected, asOfDay));
}

/** The inflow as steps (steps.ts), to run alongside other work. */
export function* workerInflowSteps(
  projected: ProjectedGraph,
  asOfDay: number,
): Steps<WorkerInflow> {
  const n = projected.order;
  const failed = new Uint8Array(n);
  for (const [node, facts] of projected.facts) {
    if (projected.labels[node] === 'Employer' && failedWithDebt(facts)) failed[node] = 1;
  }

  // Each person's jobs: employer, start and end day (NaN when unknown).
  const first = new Int32Array(n + 1);
  projected.forEachLink((kind, s) => {
    if (kind === 'EMPLOYED_BY') first[s + 1]!++;
  });
  for (let v = 0; v < n; v++) first[v + 1]! += first[v]!;
  const fill = first.slice(0, n);
  const employer = new Int32Array(first[n]!);
  const start = new Float64Array(first[n]!);
  const end = new Float64Array(first[n]!);
  projected.forEachLink((kind, s, t, startDay, endDay) => {
    if (kind !== 'EMPLOYED_BY') return;
    const j = fill[s]!++;
    employer[j] = t;
    start[j] = startDay;
    end[j] = endDay;
  });
  yield;

  const fromFailed = new Int32Array(n);
  const hired = new Int32Array(n);
  // hiredBy[e] === v, tookOver[e] === v: person v was already counted for employer e.
  const hiredBy = new Int32Array(n).fill(-1);
  const tookOver = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if ((v & yieldMask) === 0) yield;
    for (let j = first[v]!; j < first[v + 1]!; j++) {
      const e = employer[j]!;
      const began = start[j]!;
      if (!(began <= asOfDay)) continue; // also an unknown start
      if (hiredBy[e] !== v) {
        hiredBy[e] = v;
        hired[e]!++;
      }
      if (tookOver[e] === v) continue;
      for (let k = first[v]!; k < first[v + 1]!; k++) {
        const b = employer[k]!;
        const ended = end[k]!;
        if (b === e || failed[b] === 0 || !(start[k]! < began)) continue;
        if (ended - windowDays <= began && began <= ended + windowDays) {
          tookOver[e] = v;
          fromFailed[e]!++;
          break;
        }
      }
    }
  }
  const share = new Float64Array(n);
  for (let e = 0; e < n; e++) if (hired[e]! > 0) share[e] = fromFailed[e]! / hired[e]!;
  return { fromFailed, share };
}
