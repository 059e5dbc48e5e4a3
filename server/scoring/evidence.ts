// Network evidence for the flagged (red and orange) entities: the concrete nodes behind their
// network features — which bankrupt employer, which shared director, which account — looked up
// in batches (cypher/scoring/*-evidence.cypher) and turned into sentences with the entities
// they name, so the explorer can open them.
import type { Database } from '../db/database.js';
import type { Area } from './areas.js';
import type { EntityTable } from './entity-table.js';
import type { Evidence, Reasons } from './reasons.js';
import { formatValue } from './rules/format-reason.js';

type Item = Record<string, unknown>;

const query = {
  employer: 'scoring/employer-evidence',
  beneficiary: 'scoring/person-evidence',
  internal: 'scoring/staff-evidence',
} as const;

const s = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '?';
const named = (id: unknown, name: unknown) => (name ? `${s(id)} (${s(name)})` : s(id));
const typeOf = (label: unknown) => s(label).toLowerCase();

/** Evidence kind (as the evidence queries return it) → the sentences it gives. */
const describe: Record<string, (item: Item) => Evidence> = {
  directorBankruptcies: (i) => {
    const companies = (i.companies as Item[]) ?? [];
    return {
      feature: 'f_director_bankruptcies',
      text: `director ${s(i.director)} also ran ${companies
        .map(
          (c) =>
            `${named(c.id, c.name)}, ceased ${s(c.ceased)} with ${formatValue('debt_eur', c.debt)} debt`,
        )
        .join('; ')}`,
      entities: [
        { type: 'person', id: s(i.director) },
        ...companies.map((c) => ({ type: 'employer', id: s(c.id) })),
      ],
    };
  },
  directedBankrupt: (i) => ({
    feature: 'f_director_bankruptcies',
    text: `directed ${named(i.id, i.name)}, ceased ${s(i.ceased)} with ${formatValue('debt_eur', i.debt)} debt`,
    entities: [{ type: 'employer', id: s(i.id) }],
  }),
  bankruptAtSeat: (i) => ({
    feature: 'f_bankrupt_neighbours',
    text: `shares seat ${s(i.address)} with bankrupt ${named(i.employer, i.name)}`,
    entities: [
      { type: 'address', id: s(i.address) },
      { type: 'employer', id: s(i.employer) },
    ],
  }),
  sharedResources: (i) => ({
    feature: i.kind === 'Account' ? 'f_shared_account_holders' : 'f_shared_contact_holders',
    text: `shares ${typeOf(i.kind)} ${s(i.resource)} with ${typeOf(i.holderType)} ${s(i.holder)}`,
    entities: [
      { type: typeOf(i.kind), id: s(i.resource) },
      { type: typeOf(i.holderType), id: s(i.holder) },
    ],
  }),
  inflow: (i) => ({
    feature: 'f_worker_inflow_bankrupt',
    text: `${s(i.workers)} workers joined within 90 days of leaving bankrupt ${named(i.employer, i.name)}`,
    entities: [{ type: 'employer', id: s(i.employer) }],
  }),
  overlaps: (i) => ({
    feature: 'f_claim_work_overlap_days',
    text: `${s(i.type).replace(/_/g, ' ')} claim ${s(i.claim)} overlaps work for ${named(i.employer, i.name)} from ${s(i.from)}`,
    entities: [
      { type: 'claim', id: s(i.claim) },
      { type: 'employer', id: s(i.employer) },
    ],
  }),
  sharedPayment: (i) => ({
    feature: 'f_shared_payment_account_claimants',
    text: `claims paid to account ${s(i.account)}, which also receives claims of person ${s(i.person)}`,
    entities: [
      { type: 'account', id: s(i.account) },
      { type: 'person', id: s(i.person) },
    ],
  }),
  staffLinks: (i) => ({
    feature: 'f_staff_proximity',
    text:
      i.hops === 0
        ? `claim ${s(i.claim)} was processed by official ${s(i.staff)}, who is the claimant`
        : `claim ${s(i.claim)} was processed by official ${s(i.staff)}, linked in ${s(i.hops)} hops via ${((i.via as unknown[]) ?? []).map(s).join(' → ')}`,
    entities: [
      { type: 'claim', id: s(i.claim) },
      { type: 'staff', id: s(i.staff) },
    ],
  }),
  linkedClaims: (i) => ({
    feature: 'f_linked_claims',
    text:
      i.hops === 0
        ? `processed claim ${s(i.claim)} of their own`
        : `processed claim ${s(i.claim)} of person ${s(i.claimant)}, linked in ${s(i.hops)} hops via ${((i.via as unknown[]) ?? []).map(s).join(' → ')}`,
    entities: [
      { type: 'claim', id: s(i.claim) },
      { type: 'person', id: s(i.claimant) },
    ],
  }),
};

export function evidenceItems(evidence: Record<string, Item[]>): Evidence[] {
  const out: Evidence[] = [];
  for (const [kind, items] of Object.entries(evidence)) {
    const make = describe[kind];
    if (!make) continue;
    for (const item of items) out.push(make(item));
  }
  return out;
}

/** Looks up and attaches the evidence of every flagged row, in batches of `batchSize` ids. */
export async function addEvidence(
  db: Database,
  area: Area,
  table: EntityTable,
  flagged: Map<number, Reasons>,
  batchSize = 500,
): Promise<void> {
  const rows = [...flagged.keys()];
  for (let start = 0; start < rows.length; start += batchSize) {
    const ids = rows.slice(start, start + batchSize).map((r) => table.ids[r]!);
    const result = await db.read(query[area], { ids });
    for (const { id, evidence } of result) {
      const reasons = flagged.get(table.index.get(id)!)!;
      reasons.evidence = evidenceItems(evidence);
    }
  }
}
