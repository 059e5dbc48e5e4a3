import { describe, expect, it } from 'vitest';
import { isValidDate } from './cells.js';
import { FILES, LOAD_ORDER } from './files.js';
import { Manifest } from './manifest.js';
import { EmployerRow, EmploymentRow, HouseholdRow, PersonRow } from './rows.js';

function issues(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('contract rows', () => {
  it('parses a good row into typed values, empty cells into null', () => {
    expect(
      EmployerRow.parse({
        employer_id: 'E-1',
        name: 'Acme, "the" builders',
        kind: 'company',
        sector: 'F41.20',
        region: 'PT17',
        municipality: '',
        founded_on: '2019-02-28',
        ceased_on: '',
        status: 'active',
        contribution_debt_eur: '0',
        declared_workers: '12',
      }),
    ).toEqual({
      employer_id: 'E-1',
      name: 'Acme, "the" builders',
      kind: 'company',
      sector: 'F41.20',
      region: 'PT17',
      municipality: null,
      founded_on: '2019-02-28',
      ceased_on: null,
      status: 'active',
      contribution_debt_eur: 0,
      declared_workers: 12,
    });
  });

  it('rejects with a reason per column, never guessing', () => {
    const result = EmploymentRow.safeParse({
      employment_id: '',
      person_id: 'P 1',
      employer_id: 'E1',
      start_date: '2024-02-30',
      end_date: '2023-01-01',
      contract: 'gig',
      weekly_hours: '200',
      monthly_wage_eur: '-5',
    });
    expect(issues(result)).toEqual([
      'employment_id: required value is missing',
      'person_id: not an identifier (1–64 characters of A–Z a–z 0–9 _ . -)',
      'start_date: not an ISO 8601 calendar date (YYYY-MM-DD)',
      'contract: not one of full_time, part_time, temporary, student, posted',
      'weekly_hours: above 168',
      'monthly_wage_eur: negative',
    ]);
    expect(
      issues(
        EmploymentRow.safeParse({
          employment_id: 'J1',
          person_id: 'P1',
          employer_id: 'E1',
          start_date: '2024-03-01',
          end_date: '2024-02-01',
          contract: '',
          weekly_hours: '',
          monthly_wage_eur: '1,200.00',
        }),
      ),
    ).toEqual([
      'monthly_wage_eur: not a number with a dot decimal',
      'end_date: before start_date (2024-03-01)',
    ]);
  });

  it('checks cross-field rules: periods and self-links', () => {
    const base = {
      employment_id: 'J1',
      person_id: 'P1',
      employer_id: 'E1',
      contract: '',
      weekly_hours: '',
      monthly_wage_eur: '',
    };
    expect(
      issues(
        EmploymentRow.safeParse({ ...base, start_date: '2024-03-01', end_date: '2024-02-01' }),
      ),
    ).toEqual(['end_date: before start_date (2024-03-01)']);
    expect(
      issues(HouseholdRow.safeParse({ person_id: 'P1', other_person_id: 'P1', kind: 'spouse' })),
    ).toEqual(['other_person_id: same as person_id']);
  });

  it('bounds text and numbers', () => {
    expect(
      issues(
        PersonRow.safeParse({
          person_id: 'P1',
          birth_year: '1850',
          sex: 'F',
          nationality: 'pt',
          region: 'x'.repeat(501),
          municipality: '',
        }),
      ),
    ).toEqual([
      'birth_year: below 1900',
      'nationality: not an ISO 3166-1 alpha-2 code',
      'region: longer than 500 characters',
    ]);
  });
});

describe('contract files', () => {
  it('covers every file of CONTRACT.md once, in a load order of entities before relations', () => {
    const names = Object.values(FILES)
      .map((f) => f.file)
      .sort();
    expect(names).toEqual([
      'accounts.csv',
      'addresses.csv',
      'benefits.csv',
      'contacts.csv',
      'directorships.csv',
      'employers.csv',
      'employments.csv',
      'households.csv',
      'inspections.csv',
      'persons.csv',
      'residences.csv',
      'seats.csv',
      'self_employment_clients.csv',
      'staff.csv',
      'subcontracts.csv',
    ]);
    expect([...LOAD_ORDER].sort()).toEqual(Object.keys(FILES).sort());
    expect(LOAD_ORDER.indexOf('persons')).toBeLessThan(LOAD_ORDER.indexOf('employments'));
    expect(FILES.benefits.columns).toEqual([
      'claim_id',
      'person_id',
      'type',
      'start_date',
      'end_date',
      'monthly_amount_eur',
      'status',
      'processed_by',
      'paid_to',
      'channel',
      'employer_id',
    ]);
  });

  it('reads the manifest and refuses an unknown contract version', () => {
    expect(
      Manifest.parse({ contract: '1', source: 'x', extracted_on: '2026-01-31' }).contract,
    ).toBe('1');
    expect(
      Manifest.safeParse({ contract: '2', source: 'x', extracted_on: '2026-01-31' }).error
        ?.issues[0]?.message,
    ).toBe('contract version "2" is not supported (this ringwatch reads "1")');
  });
});

describe('isValidDate', () => {
  it('takes calendar dates written YYYY-MM-DD and nothing else', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '1999-12-31', '0100-01-01', '9999-12-31'])
      expect(isValidDate(ok), ok).toBe(true);
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-1-01',
      '2024/01/01',
      '2024-01-01 ',
      '２０２４-01-01',
      '0050-01-01',
      '',
    ])
      expect(isValidDate(bad), bad).toBe(false);
  });
});
