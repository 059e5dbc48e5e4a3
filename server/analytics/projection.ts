// The projection from Neo4j: every person, employer and official with their links, claims
// reduced to the links they make, and the facts the exposure seeds need (bankruptcy, debt,
// confirmed-fraud inspections), read page by page (each page is one read query of
// at most `pageSize` source nodes, never one giant result; pages.ts reads two at once and adds
// them in id order, so the graph does not depend on which arrives first).
import type { Database } from '../db/database.js';
import type { LinkKind, ProjectedLabel } from './link-kinds.js';
import { forEachPageInOrder, pageStarts, type PagedLabel } from './pages.js';
import { ProjectedGraph, isoDay } from './projected-graph.js';

export interface ProjectionOptions {
  /** Source nodes per page (default 5000). */
  pageSize?: number;
  /** Only persons, employers, officials, claims and inspections whose id starts with this. */
  scope?: string;
  /** Pages read at once (default 2): Neo4j reads each on one core. */
  concurrency?: number;
  /** Called after each page with the phase and the rows read so far in it. */
  onProgress?: (phase: string, rows: number) => void;
}

export interface ProjectionCounts {
  persons: number;
  employers: number;
  staff: number;
  claims: number;
  inspections: number;
  confirmedFraud: number;
  pages: number;
}

/** Which kind of link a relationship type is, by its source label; its target's label. */
const personLinks: Record<string, [LinkKind, ProjectedLabel]> = {
  EMPLOYED_BY: ['EMPLOYED_BY', 'Employer'],
  WORKS_FOR_CLIENT: ['WORKS_FOR_CLIENT', 'Employer'],
  DIRECTS: ['DIRECTS', 'Employer'],
  LIVES_AT: ['LIVES_AT', 'Address'],
  HOUSEHOLD: ['HOUSEHOLD', 'Person'],
  HOLDS: ['PERSON_HOLDS', 'Account'],
  USES: ['PERSON_USES', 'Contact'],
};
const employerLinks: Record<string, [LinkKind, ProjectedLabel]> = {
  SEATED_AT: ['SEATED_AT', 'Address'],
  HOLDS: ['EMPLOYER_HOLDS', 'Account'],
  USES: ['EMPLOYER_USES', 'Contact'],
  SUBCONTRACTS_TO: ['SUBCONTRACTS_TO', 'Employer'],
};

/** [relationship type, target id, start day, end day] (days since 1970-01-01; null: open). */
type LinkRow = [string, string, number | null, number | null];

/** Keyset pages, one after the other (the previous communities: a few thousand rows). */
async function forEachPage<R extends { id: string }>(
  pageSize: number,
  fetch: (after: string) => Promise<R[]>,
  onPage: (rows: R[]) => void,
): Promise<number> {
  let after = '';
  let pages = 0;
  for (;;) {
    const rows = await fetch(after);
    pages++;
    onPage(rows);
    const last = rows.at(-1);
    if (rows.length < pageSize || last === undefined) return pages;
    after = last.id;
  }
}

export async function projectFromNeo4j(
  db: Database,
  options: ProjectionOptions = {},
): Promise<{ graph: ProjectedGraph; counts: ProjectionCounts }> {
  const limit = options.pageSize ?? 5000;
  const scope = options.scope ?? '';
  const graph = new ProjectedGraph();
  const counts: ProjectionCounts = {
    persons: 0,
    employers: 0,
    staff: 0,
    claims: 0,
    inspections: 0,
    confirmedFraud: 0,
    pages: 0,
  };
  const concurrency = options.concurrency ?? 2;
  const progress = (phase: string, rows: number) => options.onProgress?.(phase, rows);
  const pages = async <R extends { id: string }>(
    label: PagedLabel,
    fetch: (after: string) => Promise<R[]>,
    onPage: (rows: R[]) => void,
  ) =>
    forEachPageInOrder(
      await pageStarts(db, label, scope, limit),
      limit,
      concurrency,
      fetch,
      onPage,
    );
  const addLinks = (
    source: number,
    links: LinkRow[],
    kinds: Record<string, [LinkKind, ProjectedLabel]>,
  ) => {
    for (const [type, target, start, end] of links) {
      const kind = kinds[type];
      if (!kind) throw new Error(`analytics: unexpected ${type} link in the projection`);
      graph.addLink(kind[0], source, graph.node(kind[1], target), start ?? NaN, end ?? NaN);
    }
  };

  counts.pages += await pages(
    'Person',
    (after) => db.read('analytics/person-page', { scope, after, limit }),
    (rows) => {
      for (const row of rows) addLinks(graph.node('Person', row.id), row.links, personLinks);
      progress('persons', (counts.persons += rows.length));
    },
  );
  counts.pages += await pages(
    'Employer',
    (after) => db.read('analytics/employer-page', { scope, after, limit }),
    (rows) => {
      for (const row of rows) {
        const node = graph.node('Employer', row.id);
        graph.setFacts(node, {
          ...(row.status !== null && { status: row.status }),
          ...(row.debt !== null && { debt: row.debt }),
          ...(row.ceasedOn !== null && { ceasedDay: isoDay(row.ceasedOn) }),
          ...(row.sector !== null && row.sector !== '' && { sector: row.sector }),
        });
        addLinks(node, row.links, employerLinks);
        for (const address of row.domiciliations) {
          graph.setFacts(graph.node('Address', address), { domiciliation: true });
        }
      }
      progress('employers', (counts.employers += rows.length));
    },
  );
  counts.pages += await pages(
    'Staff',
    (after) => db.read('analytics/staff-page', { scope, after, limit }),
    (rows) => {
      for (const row of rows) {
        const staff = graph.node('Staff', row.id);
        if (row.person !== null) graph.addLink('IS', staff, graph.node('Person', row.person));
      }
      progress('staff', (counts.staff += rows.length));
    },
  );
  counts.pages += await pages(
    'Claim',
    (after) => db.read('analytics/claim-page', { scope, after, limit }),
    (rows) => {
      for (const row of rows) {
        if (row.person === null) continue;
        const person = graph.node('Person', row.person);
        const [start, end] = [row.start ?? NaN, row.end ?? NaN];
        if (row.staff !== null) {
          graph.addLink('CLAIM_PROCESSED_BY', person, graph.node('Staff', row.staff), start, end);
        }
        if (row.account !== null) {
          graph.addLink('CLAIM_PAID_TO', person, graph.node('Account', row.account), start, end);
        }
        if (row.employer !== null) {
          graph.addLink('CLAIM_RESTS_ON', person, graph.node('Employer', row.employer), start, end);
        }
      }
      progress('claims', (counts.claims += rows.length));
    },
  );
  counts.pages += await pages(
    'Inspection',
    (after) => db.read('analytics/inspection-page', { scope, after, limit }),
    (rows) => {
      for (const row of rows) {
        // Confirmed fraud: an offence found (not none, not left blank), as for the labels.
        if (row.outcome !== 'confirmed' || row.offence === null || row.offence === 'none') {
          continue;
        }
        if (row.subjectLabel === null || row.subject === null) continue;
        const node = graph.node(row.subjectLabel, row.subject);
        const days = graph.facts.get(node)?.confirmedFraudDays ?? [];
        graph.setFacts(node, { confirmedFraudDays: [...days, isoDay(row.closedOn)] });
        counts.confirmedFraud++;
      }
      progress('inspections', (counts.inspections += rows.length));
    },
  );
  graph.trim();
  return { graph, counts };
}

/** Member key → community id of the previous run, read page by page. */
export async function previousCommunities(
  db: Database,
  pageSize = 1000,
  scope = '',
): Promise<Map<string, string>> {
  const members = new Map<string, string>();
  await forEachPage(
    pageSize,
    (after) => db.read('analytics/community-page', { scope, after, limit: pageSize }),
    (rows) => {
      for (const row of rows) for (const member of row.members) members.set(member, row.id);
    },
  );
  return members;
}
