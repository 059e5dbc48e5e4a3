// What each contract file becomes in neo4j-admin's bulk import: node and relationship tables
// that build the very graph the Cypher load (cypher/load/<file>.cypher) builds from the same
// rows — same labels, types, properties and value types. Where the Cypher load MERGEs (a shared
// account or contact, a repeated residence …), the table names the key it merges on, and
// StagedCsv folds repeats on it. loaders/bulk/bulk-load.test.ts compares both graphs.
import type { FileName } from '../../contract/files.js';
import type { GraphRow } from '../graph-rows.js';
import type { StagedColumn } from './staged-csv.js';

export interface ImportTable {
  /** Staged file name (without .csv); unique over all tables. */
  name: string;
  kind: 'nodes' | 'relationships';
  /** Node label or relationship type. */
  label: string;
  columns: readonly StagedColumn[];
  /** The rows of this table one graph row gives (none, one or more). */
  cells: (row: GraphRow) => unknown[][];
  /** The key the Cypher load merges on, when rows may repeat it. */
  dedupe?: (cells: readonly unknown[]) => string;
}

type Props = Record<string, unknown>;
const SEP = '\u0001';

function props(row: GraphRow): Props {
  return (row.props ?? {}) as Props;
}

/** Property columns, in the order the mapper in graph-rows.ts writes them. */
function propertyColumns(names: readonly string[]): StagedColumn[] {
  return names.map((name) => ({ kind: 'property', name }));
}

function nodeTable(
  label: string,
  propNames: readonly string[],
  id: (row: GraphRow) => unknown = (row) => row.id,
  dedupe = false,
): ImportTable {
  return {
    name: label.toLowerCase(),
    kind: 'nodes',
    label,
    columns: [{ kind: 'id', name: 'id', group: label }, ...propertyColumns(propNames)],
    cells: (row) => {
      const p = props(row);
      return [[id(row), ...propNames.map((n) => p[n])]];
    },
    dedupe: dedupe ? (cells) => String(cells[0]) : undefined,
  };
}

/** A relationship between two columns of the row, with the row's props (and key or id). */
function relTable(
  name: string,
  type: string,
  from: { group: string; column: string },
  to: { group: string; column: string },
  propNames: readonly string[],
  options: {
    own?: 'key' | 'id';
    undirected?: boolean;
    /** One relationship per row of a file whose rows are unique by the contract's id check. */
    unique?: boolean;
    when?: (row: GraphRow) => boolean;
  } = {},
): ImportTable {
  const own = options.own;
  const names = own ? [own, ...propNames] : propNames;
  return {
    name,
    kind: 'relationships',
    label: type,
    columns: [
      { kind: 'start', group: from.group },
      { kind: 'end', group: to.group },
      ...propertyColumns(names),
    ],
    cells: (row) => {
      if (options.when && !options.when(row)) return [];
      const p = props(row);
      const values = names.map((n) => (n === own ? row[n] : p[n]));
      return [[row[from.column], row[to.column], ...values]];
    },
    // The Cypher load MERGEs on (from, to, key) — on the unordered pair when undirected; a
    // relation with its own id (employments) is unique by the contract's id check.
    dedupe:
      own === 'id' || options.unique
        ? undefined
        : options.undirected
          ? (c) => [String(c[0]), String(c[1])].sort().join(SEP)
          : (c) => (own === 'key' ? [c[0], c[1], c[2]] : [c[0], c[1]]).map(String).join(SEP),
  };
}

const person = (column: string) => ({ group: 'Person', column });
const employer = (column: string) => ({ group: 'Employer', column });
const address = (column: string) => ({ group: 'Address', column });
const is = (column: string, value: string) => (row: GraphRow) => row[column] === value;
const present = (column: string) => (row: GraphRow) => row[column] !== null;

const TIME = ['start', 'end'] as const;

export const IMPORT_TABLES: Record<FileName, readonly ImportTable[]> = {
  persons: [nodeTable('Person', ['birth_year', 'sex', 'nationality', 'region', 'municipality'])],
  employers: [
    nodeTable('Employer', [
      'name',
      'kind',
      'sector',
      'region',
      'municipality',
      'founded_on',
      'ceased_on',
      'status',
      'contribution_debt_eur',
      'declared_workers',
    ]),
  ],
  addresses: [nodeTable('Address', ['postcode', 'municipality', 'region', 'kind'])],
  staff: [
    nodeTable('Staff', ['unit', 'office_region']),
    relTable('staff_is', 'IS', { group: 'Staff', column: 'id' }, person('person_id'), [], {
      unique: true,
      when: present('person_id'),
    }),
  ],
  accounts: [
    nodeTable('Account', [], (row) => row.account_id, true),
    ...(['person', 'employer'] as const).map((holder) =>
      relTable(
        `${holder}_holds`,
        'HOLDS',
        { group: holder === 'person' ? 'Person' : 'Employer', column: 'holder_id' },
        { group: 'Account', column: 'account_id' },
        [],
        { when: is('holder_type', holder) },
      ),
    ),
  ],
  employments: [
    relTable(
      'employed_by',
      'EMPLOYED_BY',
      person('person_id'),
      employer('employer_id'),
      [...TIME, 'contract', 'hours', 'wage'],
      { own: 'id' },
    ),
  ],
  selfEmploymentClients: [
    relTable(
      'works_for_client',
      'WORKS_FOR_CLIENT',
      person('person_id'),
      employer('employer_id'),
      [...TIME, 'share'],
      { own: 'key' },
    ),
  ],
  directorships: [
    relTable(
      'directs',
      'DIRECTS',
      person('person_id'),
      employer('employer_id'),
      ['role', ...TIME],
      {
        own: 'key',
      },
    ),
  ],
  residences: [
    relTable('lives_at', 'LIVES_AT', person('person_id'), address('address_id'), [...TIME], {
      own: 'key',
    }),
  ],
  seats: [
    relTable('seated_at', 'SEATED_AT', employer('employer_id'), address('address_id'), [...TIME], {
      own: 'key',
    }),
  ],
  households: [
    relTable('household', 'HOUSEHOLD', person('person_id'), person('other_person_id'), ['kind'], {
      undirected: true,
    }),
  ],
  contacts: [
    {
      name: 'contact',
      kind: 'nodes',
      label: 'Contact',
      columns: [
        { kind: 'id', name: 'id', group: 'Contact' },
        ...propertyColumns(['channel', 'value_hash']),
      ],
      cells: (row) => [[row.contact_id, row.channel, row.value_hash]],
      dedupe: (cells) => String(cells[0]),
    },
    ...(['person', 'employer'] as const).map((holder) =>
      relTable(
        `${holder}_uses`,
        'USES',
        { group: holder === 'person' ? 'Person' : 'Employer', column: 'holder_id' },
        { group: 'Contact', column: 'contact_id' },
        ['first_seen'],
        { when: is('holder_type', holder) },
      ),
    ),
  ],
  subcontracts: [
    relTable(
      'subcontracts_to',
      'SUBCONTRACTS_TO',
      employer('contractor_id'),
      employer('subcontractor_id'),
      [...TIME, 'value'],
      { own: 'key' },
    ),
  ],
  benefits: [
    nodeTable('Claim', ['type', ...TIME, 'monthly_amount_eur', 'status', 'channel']),
    relTable('claimed', 'CLAIMED', person('person_id'), { group: 'Claim', column: 'id' }, [], {
      unique: true,
    }),
    relTable(
      'processed_by',
      'PROCESSED_BY',
      { group: 'Claim', column: 'id' },
      { group: 'Staff', column: 'processed_by' },
      [],
      { unique: true, when: present('processed_by') },
    ),
    relTable(
      'paid_to',
      'PAID_TO',
      { group: 'Claim', column: 'id' },
      { group: 'Account', column: 'paid_to' },
      [],
      { unique: true, when: present('paid_to') },
    ),
    relTable(
      'rests_on',
      'RESTS_ON',
      { group: 'Claim', column: 'id' },
      employer('employer_id'),
      [],
      { unique: true, when: present('employer_id') },
    ),
  ],
  inspections: [
    nodeTable('Inspection', [
      'subject_type',
      'opened_on',
      'closed_on',
      'offence',
      'outcome',
      'origin',
      'recovered_eur',
    ]),
    ...(['employer', 'person', 'staff'] as const).map((subject) =>
      relTable(
        `inspection_of_${subject}`,
        'OF',
        { group: 'Inspection', column: 'id' },
        { group: subject[0]?.toUpperCase() + subject.slice(1), column: 'subject_id' },
        [],
        { unique: true, when: is('subject_type', subject) },
      ),
    ),
  ],
};
