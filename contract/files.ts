// The files of a contract data set: their names, row schemas, columns (in the order the
// generator writes them; readers accept any order), which are required, which column is the
// unique key, and which columns must reference an entity of the data set.
import type { z } from 'zod';
import * as R from './rows.js';

/** The entities a reference can point at, and the file that defines each. */
export const ENTITY_FILES = {
  person: 'persons.csv',
  employer: 'employers.csv',
  staff: 'staff.csv',
  address: 'addresses.csv',
  account: 'accounts.csv',
  claim: 'benefits.csv',
} as const;
export type EntityType = keyof typeof ENTITY_FILES;

export interface Reference {
  column: string;
  /** The entity referenced, or the column whose value names it (holder_type, subject_type). */
  target: EntityType | { typeColumn: string };
}

export interface FileSpec<S extends z.ZodObject = z.ZodObject> {
  file: string;
  schema: S;
  columns: readonly string[];
  required: boolean;
  /** A column whose value must be unique in the file (the entity's id). */
  uniqueKey?: string;
  references: readonly Reference[];
}

function spec<S extends z.ZodObject>(
  file: string,
  schema: S,
  options: { required?: boolean; uniqueKey?: string; references?: Reference[] } = {},
): FileSpec<S> {
  return {
    file,
    schema,
    columns: Object.keys(schema.shape),
    required: options.required ?? false,
    uniqueKey: options.uniqueKey,
    references: options.references ?? [],
  };
}

const ref = (column: string, target: EntityType): Reference => ({ column, target });
const refBy = (column: string, typeColumn: string): Reference => ({
  column,
  target: { typeColumn },
});

export const FILES = {
  persons: spec('persons.csv', R.PersonRow, { required: true, uniqueKey: 'person_id' }),
  employers: spec('employers.csv', R.EmployerRow, { required: true, uniqueKey: 'employer_id' }),
  staff: spec('staff.csv', R.StaffRow, {
    uniqueKey: 'staff_id',
    references: [ref('person_id', 'person')],
  }),
  addresses: spec('addresses.csv', R.AddressRow, { uniqueKey: 'address_id' }),
  employments: spec('employments.csv', R.EmploymentRow, {
    uniqueKey: 'employment_id',
    references: [ref('person_id', 'person'), ref('employer_id', 'employer')],
  }),
  selfEmploymentClients: spec('self_employment_clients.csv', R.SelfEmploymentClientRow, {
    references: [ref('person_id', 'person'), ref('employer_id', 'employer')],
  }),
  directorships: spec('directorships.csv', R.DirectorshipRow, {
    references: [ref('person_id', 'person'), ref('employer_id', 'employer')],
  }),
  residences: spec('residences.csv', R.ResidenceRow, {
    references: [ref('person_id', 'person'), ref('address_id', 'address')],
  }),
  seats: spec('seats.csv', R.SeatRow, {
    references: [ref('employer_id', 'employer'), ref('address_id', 'address')],
  }),
  households: spec('households.csv', R.HouseholdRow, {
    references: [ref('person_id', 'person'), ref('other_person_id', 'person')],
  }),
  accounts: spec('accounts.csv', R.AccountRow, {
    references: [refBy('holder_id', 'holder_type')],
  }),
  contacts: spec('contacts.csv', R.ContactRow, {
    references: [refBy('holder_id', 'holder_type')],
  }),
  subcontracts: spec('subcontracts.csv', R.SubcontractRow, {
    references: [ref('contractor_id', 'employer'), ref('subcontractor_id', 'employer')],
  }),
  benefits: spec('benefits.csv', R.BenefitRow, {
    uniqueKey: 'claim_id',
    references: [
      ref('person_id', 'person'),
      ref('processed_by', 'staff'),
      ref('paid_to', 'account'),
      ref('employer_id', 'employer'),
    ],
  }),
  inspections: spec('inspections.csv', R.InspectionRow, {
    uniqueKey: 'inspection_id',
    references: [refBy('subject_id', 'subject_type')],
  }),
} as const;

export type FileName = keyof typeof FILES;
export type RowOf<F extends FileName> = z.infer<(typeof FILES)[F]['schema']>;

/** Entities first, then relations, then outcomes: the order a loader must follow. */
export const LOAD_ORDER: readonly FileName[] = [
  'persons',
  'employers',
  'addresses',
  'staff',
  'accounts',
  'employments',
  'selfEmploymentClients',
  'directorships',
  'residences',
  'seats',
  'households',
  'contacts',
  'subcontracts',
  'benefits',
  'inspections',
];
