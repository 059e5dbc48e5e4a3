// How each contract file becomes graph writes: the parameters one row gives its load query
// (cypher/load/<file>.cypher). Property names follow DESIGN.md's graph model; dates become
// Neo4j dates and whole numbers Neo4j integers here, so the graph holds typed values.
//
// Relations without an id of their own (a residence, a directorship …) are merged on a `key`
// made of the columns that tell two such facts apart, so loading twice never duplicates them.
import neo4j from 'neo4j-driver';
import type { FileName, RowOf } from '../contract/files.js';

export type GraphRow = { line: number } & Record<string, unknown>;

type Neo4jDate = InstanceType<typeof neo4j.types.Date>;

export function toDate(iso: string | null): Neo4jDate | null {
  if (iso === null) return null;
  return new neo4j.types.Date(
    Number(iso.slice(0, 4)),
    Number(iso.slice(5, 7)),
    Number(iso.slice(8, 10)),
  );
}

const int = (value: number | null) => (value === null ? null : neo4j.int(value));
const key = (...parts: (string | null)[]) => parts.map((p) => p ?? '').join('|');

type Mappers = { [F in FileName]: (row: RowOf<F>, line: number) => GraphRow };

export const GRAPH_ROWS: Mappers = {
  persons: (r, line) => ({
    line,
    id: r.person_id,
    props: {
      birth_year: int(r.birth_year),
      sex: r.sex,
      nationality: r.nationality,
      region: r.region,
      municipality: r.municipality,
    },
  }),
  employers: (r, line) => ({
    line,
    id: r.employer_id,
    props: {
      name: r.name,
      kind: r.kind,
      sector: r.sector,
      region: r.region,
      municipality: r.municipality,
      founded_on: toDate(r.founded_on),
      ceased_on: toDate(r.ceased_on),
      status: r.status,
      contribution_debt_eur: r.contribution_debt_eur,
      declared_workers: int(r.declared_workers),
    },
  }),
  staff: (r, line) => ({
    line,
    id: r.staff_id,
    person_id: r.person_id,
    props: { unit: r.unit, office_region: r.office_region },
  }),
  addresses: (r, line) => ({
    line,
    id: r.address_id,
    props: { postcode: r.postcode, municipality: r.municipality, region: r.region, kind: r.kind },
  }),
  accounts: (r, line) => ({
    line,
    account_id: r.account_id,
    holder_type: r.holder_type,
    holder_id: r.holder_id,
  }),
  employments: (r, line) => ({
    line,
    id: r.employment_id,
    person_id: r.person_id,
    employer_id: r.employer_id,
    props: {
      start: toDate(r.start_date),
      end: toDate(r.end_date),
      contract: r.contract,
      hours: r.weekly_hours,
      wage: r.monthly_wage_eur,
      // The employer's id again, which orders its jobs in the index on (employer, start).
      employer: r.employer_id,
      // The person's id again: an employer's page names the workers of its jobs from the job
      // alone, without walking each person's property chain (its id sits behind the features).
      person: r.person_id,
    },
  }),
  selfEmploymentClients: (r, line) => ({
    line,
    person_id: r.person_id,
    employer_id: r.employer_id,
    key: key(r.start_date),
    props: { start: toDate(r.start_date), end: toDate(r.end_date), share: r.share_of_income },
  }),
  directorships: (r, line) => ({
    line,
    person_id: r.person_id,
    employer_id: r.employer_id,
    key: key(r.role, r.start_date),
    props: { role: r.role, start: toDate(r.start_date), end: toDate(r.end_date) },
  }),
  residences: (r, line) => ({
    line,
    person_id: r.person_id,
    address_id: r.address_id,
    key: key(r.start_date),
    props: { start: toDate(r.start_date), end: toDate(r.end_date) },
  }),
  seats: (r, line) => ({
    line,
    employer_id: r.employer_id,
    address_id: r.address_id,
    key: key(r.start_date),
    props: { start: toDate(r.start_date), end: toDate(r.end_date) },
  }),
  households: (r, line) => ({
    line,
    person_id: r.person_id,
    other_person_id: r.other_person_id,
    props: { kind: r.kind },
  }),
  contacts: (r, line) => ({
    line,
    holder_type: r.holder_type,
    holder_id: r.holder_id,
    contact_id: `${r.channel}:${r.value_hash}`,
    channel: r.channel,
    value_hash: r.value_hash,
    props: { first_seen: toDate(r.first_seen) },
  }),
  subcontracts: (r, line) => ({
    line,
    contractor_id: r.contractor_id,
    subcontractor_id: r.subcontractor_id,
    key: key(r.start_date),
    props: { start: toDate(r.start_date), end: toDate(r.end_date), value: r.value_eur },
  }),
  benefits: (r, line) => ({
    line,
    id: r.claim_id,
    person_id: r.person_id,
    processed_by: r.processed_by,
    paid_to: r.paid_to,
    employer_id: r.employer_id,
    props: {
      type: r.type,
      start: toDate(r.start_date),
      end: toDate(r.end_date),
      monthly_amount_eur: r.monthly_amount_eur,
      status: r.status,
      channel: r.channel,
    },
  }),
  inspections: (r, line) => ({
    line,
    id: r.inspection_id,
    subject_type: r.subject_type,
    subject_id: r.subject_id,
    props: {
      subject_type: r.subject_type,
      opened_on: toDate(r.opened_on),
      closed_on: toDate(r.closed_on),
      offence: r.offence,
      outcome: r.outcome,
      origin: r.origin,
      recovered_eur: r.recovered_eur,
    },
  }),
};
