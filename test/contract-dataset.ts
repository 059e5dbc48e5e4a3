// Writes small contract data sets for tests: rows given as objects (missing columns are
// empty), every id prefixed so that test files sharing one database never collide.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { FILES, type FileName } from '../contract/files.js';

export type RawRows = Partial<Record<FileName, Record<string, string>[]>>;

export async function writeDataset(rows: RawRows, dir?: string): Promise<string> {
  const out = dir ?? (await mkdtemp(path.join(tmpdir(), 'ringwatch-ds-')));
  await mkdir(out, { recursive: true });
  await writeFile(
    path.join(out, 'manifest.json'),
    JSON.stringify({ contract: '1', source: 'test', extracted_on: '2026-10-31' }),
  );
  for (const [name, list] of Object.entries(rows) as [FileName, Record<string, string>[]][]) {
    const columns = FILES[name].columns;
    const text = stringify([columns, ...list.map((r) => columns.map((c) => r[c] ?? ''))]);
    await writeFile(path.join(out, FILES[name].file), text);
  }
  return out;
}

/** A complete small data set: every file, every relation kind, ids prefixed with `p`. */
export function sampleRows(p: string): RawRows {
  return {
    persons: [1, 2, 3, 4, 5, 6].map((i) => ({
      person_id: `${p}P${i}`,
      birth_year: String(1950 + i * 7),
      sex: i % 2 ? 'F' : 'M',
      nationality: 'PT',
      region: 'PT17',
      municipality: 'Lisboa',
    })),
    employers: [1, 2, 3].map((i) => ({
      employer_id: `${p}E${i}`,
      name: `Employer ${i}, Lda`,
      kind: i === 3 ? 'self_employed' : 'company',
      sector: 'F41.20',
      region: 'PT17',
      founded_on: '2015-01-01',
      ceased_on: i === 2 ? '2022-06-30' : '',
      status: i === 2 ? 'bankrupt' : 'active',
      contribution_debt_eur: i === 2 ? '25000.75' : '0',
      declared_workers: String(i * 3),
    })),
    staff: [
      { staff_id: `${p}S1`, person_id: `${p}P6`, unit: 'unemployment', office_region: 'PT17' },
    ],
    addresses: [
      {
        address_id: `${p}AD1`,
        postcode: '1000-001',
        municipality: 'Lisboa',
        region: 'PT17',
        kind: 'residential',
      },
      {
        address_id: `${p}AD2`,
        postcode: '1000-002',
        municipality: 'Lisboa',
        region: 'PT17',
        kind: 'domiciliation',
      },
    ],
    accounts: [
      { account_id: `${p}A1`, holder_type: 'person', holder_id: `${p}P1` },
      { account_id: `${p}A1`, holder_type: 'person', holder_id: `${p}P2` },
      { account_id: `${p}A2`, holder_type: 'employer', holder_id: `${p}E1` },
    ],
    employments: [
      {
        employment_id: `${p}J1`,
        person_id: `${p}P1`,
        employer_id: `${p}E1`,
        start_date: '2020-01-01',
        contract: 'full_time',
        weekly_hours: '40',
        monthly_wage_eur: '1500',
      },
      {
        employment_id: `${p}J2`,
        person_id: `${p}P2`,
        employer_id: `${p}E2`,
        start_date: '2019-01-01',
        end_date: '2022-06-30',
        contract: 'part_time',
        weekly_hours: '20',
        monthly_wage_eur: '700.50',
      },
      {
        employment_id: `${p}J3`,
        person_id: `${p}P2`,
        employer_id: `${p}E1`,
        start_date: '2022-07-15',
        contract: 'full_time',
        weekly_hours: '40',
        monthly_wage_eur: '1400',
      },
    ],
    selfEmploymentClients: [
      {
        person_id: `${p}P3`,
        employer_id: `${p}E1`,
        start_date: '2021-01-01',
        share_of_income: '0.95',
      },
    ],
    directorships: [
      { person_id: `${p}P4`, employer_id: `${p}E1`, role: 'director', start_date: '2015-01-01' },
      {
        person_id: `${p}P4`,
        employer_id: `${p}E2`,
        role: 'director',
        start_date: '2015-01-01',
        end_date: '2022-06-30',
      },
    ],
    residences: [
      { person_id: `${p}P1`, address_id: `${p}AD1`, start_date: '2010-01-01' },
      { person_id: `${p}P6`, address_id: `${p}AD1`, start_date: '2012-01-01' },
    ],
    seats: [
      { employer_id: `${p}E1`, address_id: `${p}AD2`, start_date: '2015-01-01' },
      { employer_id: `${p}E2`, address_id: `${p}AD2`, start_date: '2015-01-01' },
    ],
    households: [{ person_id: `${p}P1`, other_person_id: `${p}P6`, kind: 'spouse' }],
    contacts: [
      {
        holder_type: 'person',
        holder_id: `${p}P1`,
        channel: 'phone',
        value_hash: `${p}h1`,
        first_seen: '2020-01-01',
      },
      {
        holder_type: 'person',
        holder_id: `${p}P2`,
        channel: 'phone',
        value_hash: `${p}h1`,
        first_seen: '2020-02-01',
      },
    ],
    subcontracts: [
      {
        contractor_id: `${p}E1`,
        subcontractor_id: `${p}E2`,
        start_date: '2020-01-01',
        value_eur: '120000',
      },
    ],
    benefits: [
      {
        claim_id: `${p}C1`,
        person_id: `${p}P1`,
        type: 'unemployment',
        start_date: '2019-01-01',
        end_date: '2019-06-30',
        monthly_amount_eur: '650',
        status: 'granted',
        processed_by: `${p}S1`,
        paid_to: `${p}A1`,
        channel: 'online',
        employer_id: `${p}E2`,
      },
      {
        claim_id: `${p}C2`,
        person_id: `${p}P5`,
        type: 'old_age_pension',
        start_date: '2018-01-01',
        monthly_amount_eur: '900',
        status: 'granted',
        channel: 'counter',
      },
    ],
    inspections: [
      {
        inspection_id: `${p}I1`,
        subject_type: 'employer',
        subject_id: `${p}E2`,
        opened_on: '2022-01-10',
        closed_on: '2022-03-01',
        offence: 'phoenix',
        outcome: 'confirmed',
        origin: 'complaint',
        recovered_eur: '10000',
      },
      {
        inspection_id: `${p}I2`,
        subject_type: 'staff',
        subject_id: `${p}S1`,
        opened_on: '2023-01-10',
        offence: 'internal_fraud',
        outcome: 'pending',
        origin: 'random_audit',
      },
    ],
  };
}

/** Entity nodes and relationships the sample should produce. */
export const SAMPLE_COUNTS = {
  nodes: {
    Person: 6,
    Employer: 3,
    Staff: 1,
    Address: 2,
    Account: 2,
    Contact: 1,
    Claim: 2,
    Inspection: 2,
  },
  relationships: {
    IS: 1,
    HOLDS: 3,
    EMPLOYED_BY: 3,
    WORKS_FOR_CLIENT: 1,
    DIRECTS: 2,
    LIVES_AT: 2,
    SEATED_AT: 2,
    HOUSEHOLD: 1,
    USES: 2,
    SUBCONTRACTS_TO: 1,
    CLAIMED: 2,
    PROCESSED_BY: 1,
    PAID_TO: 1,
    RESTS_ON: 1,
    OF: 2,
  },
};
