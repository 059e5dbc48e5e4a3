// The row schema of every file of the input data contract (../shared/CONTRACT.md). One
// definition, used by the fixture generator (its output is validated with these in tests) and
// by the loaders (every row is parsed with these). Types come from z.infer.
import { z } from 'zod';
import { cell } from './cells.js';
import * as E from './enums.js';

const ISO_COUNTRY = /^[A-Z]{2}$/;
const NACE = /^[A-U](\d{2}(\.\d{1,2})?)?$/;

const country = () =>
  cell.text().refine((v) => v === null || ISO_COUNTRY.test(v), 'not an ISO 3166-1 alpha-2 code');
const nace = () =>
  cell.text().refine((v) => v === null || NACE.test(v), 'not a NACE rev.2 code such as F41.20');

/** end on or after start, reported on the end column. */
function period<S extends string, T extends string>(start: S, end: T) {
  return (row: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const from = row[start];
    const to = row[end];
    if (typeof from === 'string' && typeof to === 'string' && to < from) {
      ctx.addIssue({ code: 'custom', path: [end], message: `before ${start} (${from})` });
    }
  };
}

function distinct(a: string, b: string) {
  return (row: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (row[a] !== null && row[a] === row[b]) {
      ctx.addIssue({ code: 'custom', path: [b], message: `same as ${a}` });
    }
  };
}

export const PersonRow = z.object({
  person_id: cell.id(),
  birth_year: cell.int(1900, 2030),
  sex: cell.enum(E.SEXES),
  nationality: country(),
  region: cell.text(),
  municipality: cell.text(),
});

export const EmployerRow = z
  .object({
    employer_id: cell.id(),
    name: cell.text(),
    kind: cell.enum(E.EMPLOYER_KINDS),
    sector: nace(),
    region: cell.text(),
    municipality: cell.text(),
    founded_on: cell.date(),
    ceased_on: cell.date(),
    status: cell.enum(E.EMPLOYER_STATUSES),
    contribution_debt_eur: cell.money(),
    declared_workers: cell.int(0, 10_000_000),
  })
  .superRefine(period('founded_on', 'ceased_on'));

export const StaffRow = z.object({
  staff_id: cell.id(),
  person_id: cell.optionalId(),
  unit: cell.text(),
  office_region: cell.text(),
});

export const AddressRow = z.object({
  address_id: cell.id(),
  postcode: cell.text(),
  municipality: cell.text(),
  region: cell.text(),
  kind: cell.enum(E.ADDRESS_KINDS),
});

export const EmploymentRow = z
  .object({
    employment_id: cell.id(),
    person_id: cell.id(),
    employer_id: cell.id(),
    start_date: cell.date(),
    end_date: cell.date(),
    contract: cell.enum(E.CONTRACTS),
    weekly_hours: cell.number(0, 168),
    monthly_wage_eur: cell.money(),
  })
  .superRefine(period('start_date', 'end_date'));

export const SelfEmploymentClientRow = z
  .object({
    person_id: cell.id(),
    employer_id: cell.id(),
    start_date: cell.date(),
    end_date: cell.date(),
    share_of_income: cell.number(0, 1),
  })
  .superRefine(period('start_date', 'end_date'));

export const DirectorshipRow = z
  .object({
    person_id: cell.id(),
    employer_id: cell.id(),
    role: cell.enum(E.DIRECTOR_ROLES),
    start_date: cell.date(),
    end_date: cell.date(),
  })
  .superRefine(period('start_date', 'end_date'));

export const ResidenceRow = z
  .object({
    person_id: cell.id(),
    address_id: cell.id(),
    start_date: cell.date(),
    end_date: cell.date(),
  })
  .superRefine(period('start_date', 'end_date'));

export const SeatRow = z
  .object({
    employer_id: cell.id(),
    address_id: cell.id(),
    start_date: cell.date(),
    end_date: cell.date(),
  })
  .superRefine(period('start_date', 'end_date'));

export const HouseholdRow = z
  .object({
    person_id: cell.id(),
    other_person_id: cell.id(),
    kind: cell.enum(E.HOUSEHOLD_KINDS),
  })
  .superRefine(distinct('person_id', 'other_person_id'));

export const AccountRow = z.object({
  account_id: cell.id(),
  holder_type: cell.requiredEnum(E.HOLDER_TYPES),
  holder_id: cell.id(),
});

export const ContactRow = z.object({
  holder_type: cell.requiredEnum(E.HOLDER_TYPES),
  holder_id: cell.id(),
  channel: cell.requiredEnum(E.CONTACT_CHANNELS),
  value_hash: cell.id(),
  first_seen: cell.date(),
});

export const SubcontractRow = z
  .object({
    contractor_id: cell.id(),
    subcontractor_id: cell.id(),
    start_date: cell.date(),
    end_date: cell.date(),
    value_eur: cell.money(),
  })
  .superRefine(period('start_date', 'end_date'))
  .superRefine(distinct('contractor_id', 'subcontractor_id'));

export const BenefitRow = z
  .object({
    claim_id: cell.id(),
    person_id: cell.id(),
    type: cell.enum(E.BENEFIT_TYPES),
    start_date: cell.date(),
    end_date: cell.date(),
    monthly_amount_eur: cell.money(),
    status: cell.enum(E.CLAIM_STATUSES),
    processed_by: cell.optionalId(),
    paid_to: cell.optionalId(),
    channel: cell.enum(E.CLAIM_CHANNELS),
    employer_id: cell.optionalId(),
  })
  .superRefine(period('start_date', 'end_date'));

export const InspectionRow = z
  .object({
    inspection_id: cell.id(),
    subject_type: cell.requiredEnum(E.SUBJECT_TYPES),
    subject_id: cell.id(),
    opened_on: cell.date(),
    closed_on: cell.date(),
    offence: cell.enum(E.OFFENCES),
    outcome: cell.enum(E.OUTCOMES),
    origin: cell.enum(E.ORIGINS),
    recovered_eur: cell.money(),
  })
  .superRefine(period('opened_on', 'closed_on'));

export type PersonRow = z.infer<typeof PersonRow>;
export type EmployerRow = z.infer<typeof EmployerRow>;
export type StaffRow = z.infer<typeof StaffRow>;
export type AddressRow = z.infer<typeof AddressRow>;
export type EmploymentRow = z.infer<typeof EmploymentRow>;
export type SelfEmploymentClientRow = z.infer<typeof SelfEmploymentClientRow>;
export type DirectorshipRow = z.infer<typeof DirectorshipRow>;
export type ResidenceRow = z.infer<typeof ResidenceRow>;
export type SeatRow = z.infer<typeof SeatRow>;
export type HouseholdRow = z.infer<typeof HouseholdRow>;
export type AccountRow = z.infer<typeof AccountRow>;
export type ContactRow = z.infer<typeof ContactRow>;
export type SubcontractRow = z.infer<typeof SubcontractRow>;
export type BenefitRow = z.infer<typeof BenefitRow>;
export type InspectionRow = z.infer<typeof InspectionRow>;
