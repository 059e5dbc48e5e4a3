// Linked-entity counts on the projection: for each person and employer, how many other
// entities share one of its accounts, contacts, seats or claim-payment accounts, and how many
// of the entities linked to it are bankrupt with debt or have a confirmed fraud. Resources
// flagged as hubs (hubs.ts: the same nodes the run writes as f_hub) link nothing — a
// domiciliation address or a payroll bureau's account would link every company it serves —,
// and links that start after the as-of date do not exist yet.
//
// Why not Cypher: these were query features, two-hop expansions from every person and
// employer page by page inside Neo4j, 147 s of its time at 1 M persons. The projection already
// holds every link they walk, so here they are counted over one compact adjacency of those
// links (both ends, a code per end: which kind of resource, and whether this end holds it) in
// a second or two. No graph library does "distinct two-hop neighbours through a typed,
// filtered middle node" over typed arrays; graphology's neighbour iteration would need its
// 300 B-per-edge graph.
import type { LinkKind } from './link-kinds.js';
import { failedWithDebt, hasConfirmedFraud, type ProjectedGraph } from './projected-graph.js';
import { runThrough, yieldMask, type Steps } from './steps.js';

export interface NeighbourCounts {
  /** Employer: other employers seated (by the as-of date) at one of its seats. */
  sharedSeatEmployers: Int32Array;
  /** Person, employer: other persons or employers holding one of its accounts. */
  sharedAccountHolders: Int32Array;
  /** Person, employer: other users of one of its contacts, both links seen by the as-of date. */
  sharedContactHolders: Int32Array;
  /** Person: other claimants whose claims (started by then) are paid where its own are. */
  sharedPaymentAccountClaimants: Int32Array;
  /** Person, employer: linked employers bankrupt or liquidated with contribution debt. */
  bankruptNeighbours: Int32Array;
  /** Person, employer: linked entities with a confirmed fraud closed by the as-of date. */
  fraudNeighbours: Int32Array;
}

// The resource (or, for DIRECTS, the employer) at the far end of a link, by kind of link.
const ACCOUNT = 0;
const CONTACT = 1;
const RESIDENCE = 2;
const SEAT = 3;
const PAYMENT = 4;
const DIRECTS = 5;
const groupOf: Partial<Record<LinkKind, number>> = {
  PERSON_HOLDS: ACCOUNT,
  EMPLOYER_HOLDS: ACCOUNT,
  PERSON_USES: CONTACT,
  EMPLOYER_USES: CONTACT,
  LIVES_AT: RESIDENCE,
  SEATED_AT: SEAT,
  CLAIM_PAID_TO: PAYMENT,
  DIRECTS,
};
/** Code of an adjacency entry at the link's source (the holder, resident, claimant, director). */
const holds = (group: number) => group * 2 + 1;
/** Code of an adjacency entry at the link's target (the resource, the directed employer). */
const heldBy = (group: number) => group * 2;

/**
 * Whether a link exists on the as-of day: accounts are held without dates; a contact, residence,
 * seat or directorship exists once it started (or when its start is unknown); a claim pays into
 * an account once it started (a claim without a start never does).
 */
function linkGroup(kind: LinkKind, startDay: number, asOfDay: number): number {
  const group = groupOf[kind];
  if (group === undefined) return -1;
  if (group === ACCOUNT) return group;
  if (Number.isNaN(startDay)) return group === PAYMENT ? -1 : group;
  return startDay <= asOfDay ? group : -1;
}

export function neighbourCounts(
  projected: ProjectedGraph,
  hubs: ReadonlySet<number>,
  asOfDay: number,
): NeighbourCounts {
  return runThrough(neighbourCountSteps(projected, hubs, asOfDay));
}

/** The counts as steps (steps.ts), to run alongside other work. */
export function* neighbourCountSteps(
  projected: ProjectedGraph,
  hubs: ReadonlySet<number>,
  asOfDay: number,
): Steps<NeighbourCounts> {
  const n = projected.order;
  const { labels } = projected;

  // The adjacency: entries of node v at start[v] … start[v + 1] − 1, each the node at the
  // other end and the entry's code.
  const start = new Int32Array(n + 1);
  projected.forEachLink((kind, s, t, startDay) => {
    if (s === t || linkGroup(kind, startDay, asOfDay) < 0) return;
    start[s + 1]!++;
    start[t + 1]!++;
  });
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  yield;
  const fill = start.slice(0, n);
  const other = new Int32Array(start[n]!);
  const code = new Uint8Array(start[n]!);
  projected.forEachLink((kind, s, t, startDay) => {
    const group = s === t ? -1 : linkGroup(kind, startDay, asOfDay);
    if (group < 0) return;
    other[fill[s]!] = t;
    code[fill[s]!++] = holds(group);
    other[fill[t]!] = s;
    code[fill[t]!++] = heldBy(group);
  });
  yield;

  const bankrupt = new Uint8Array(n);
  const fraud = new Uint8Array(n);
  const domiciliation = new Uint8Array(n);
  for (const [node, facts] of projected.facts) {
    if (labels[node] === 'Employer' && failedWithDebt(facts)) bankrupt[node] = 1;
    if (hasConfirmedFraud(facts, asOfDay)) fraud[node] = 1;
    if (facts.domiciliation === true) domiciliation[node] = 1;
  }

  const counts: NeighbourCounts = {
    sharedSeatEmployers: new Int32Array(n),
    sharedAccountHolders: new Int32Array(n),
    sharedContactHolders: new Int32Array(n),
    sharedPaymentAccountClaimants: new Int32Array(n),
    bankruptNeighbours: new Int32Array(n),
    fraudNeighbours: new Int32Array(n),
  };
  // mark[v] === token: v was seen in the current count (the entity itself is marked first).
  const mark = new Int32Array(n).fill(-1);
  let token = -1;
  let steps = 0;
  // What the current count has seen: how many distinct others, and of them bankrupt, fraud.
  let found = 0;
  let bankrupts = 0;
  let frauds = 0;
  const begin = (v: number) => {
    mark[v] = ++token;
    found = bankrupts = frauds = 0;
  };
  const see = (o: number) => {
    if (mark[o] === token) return;
    mark[o] = token;
    found++;
    bankrupts += bankrupt[o]!;
    frauds += fraud[o]!;
  };
  /** Sees the others holding one of v's resources of the group (hubs, and `skip`, left out). */
  const coHolders = (v: number, group: number, skip?: Uint8Array) => {
    for (let e = start[v]!; e < start[v + 1]!; e++) {
      if (code[e] !== holds(group)) continue;
      const r = other[e]!;
      if (hubs.has(r) || skip?.[r] === 1) continue;
      for (let f = start[r]!; f < start[r + 1]!; f++) {
        if (code[f] === heldBy(group)) see(other[f]!);
      }
      steps += start[r + 1]! - start[r]!;
    }
  };
  const countOf = (v: number, group: number, into: Int32Array) => {
    begin(v);
    coHolders(v, group);
    into[v] = found;
  };

  for (let v = 0; v < n; v++) {
    const label = labels[v];
    if (label !== 'Person' && label !== 'Employer') continue;
    countOf(v, ACCOUNT, counts.sharedAccountHolders);
    countOf(v, CONTACT, counts.sharedContactHolders);
    if (label === 'Person') countOf(v, PAYMENT, counts.sharedPaymentAccountClaimants);
    else countOf(v, SEAT, counts.sharedSeatEmployers);

    // Linked entities, each counted once however many ways it is linked.
    begin(v);
    for (let e = start[v]!; e < start[v + 1]!; e++) {
      if (label === 'Person' && code[e] === holds(DIRECTS)) see(other[e]!); // companies directed
      if (label === 'Employer' && code[e] === heldBy(DIRECTS)) {
        const director = other[e]!;
        see(director);
        if (hubs.has(director)) continue;
        for (let f = start[director]!; f < start[director + 1]!; f++) {
          if (code[f] === holds(DIRECTS)) see(other[f]!); // the director's other companies
        }
      }
    }
    coHolders(v, ACCOUNT);
    coHolders(v, CONTACT);
    if (label === 'Person') coHolders(v, RESIDENCE);
    else coHolders(v, SEAT, domiciliation); // a domiciliation seat links no company
    counts.bankruptNeighbours[v] = bankrupts;
    counts.fraudNeighbours[v] = frauds;

    steps += start[v + 1]! - start[v]!;
    if (steps > yieldMask) {
      steps = 0;
      yield;
    }
  }
  return counts;
}
