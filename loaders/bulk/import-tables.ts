// What each contract file becomes in neo4j-admin's bulk import: node and relationship tables
// that build the very graph the Cypher load (cypher/load/<file>.cypher) builds from the same
// rows — same labels, types, properties and value types. Nodes are named by their numbers
// (node-numbers.ts), the importer's `actual` ids. Where the Cypher load MERGEs a shared account
// or contact, one node is staged (BulkSink); where it MERGEs a repeated relation (a residence …),
// the table names the key it merges on, and StagedCsv folds repeats on it.
// loaders/bulk/bulk-load.test.ts compares both graphs.
import type { FileName } from '../../contract/files.js';
import type { GraphRow } from '../graph-rows.js';
import type { NodeNumbers } from '../node-numbers.js';
import type { RelationFold } from './relation-keys.js';
import type { StagedColumn } from './staged-csv.js';

export interface ImportTable {
  /** Staged file name (without .csv); unique over all tables. */
  name: string;
  kind: 'nodes' | 'relationships';
  /** Node label or relationship type. */
  label: string;
  columns: readonly StagedColumn[];
  /**
   * The rows of this table one graph row gives (none, one or more). Nodes are named by their
   * numbers in `ids` (a node table's first cell; a relationship's first two).
   */
  cells: (row: GraphRow, ids: NodeNumbers) => unknown[][];
  /** A node table whose nodes no other row names: numbered without their ids being kept. */
  unnamed?: boolean;
  /** A relationship table: what the Cypher load merges on, when rows may repeat it. */
  fold?: RelationFold;
}

type Props = Record<string, unknown>;

function props(row: GraphRow): Props {
  return (row.props ?? {}) as Props;
}

/**
 * Where a row keeps the number of the node it gives itself (its file's node table comes first),
 * for the relationships of that node (a staff member's IS, a claim's, an inspection's): so
 * claims and inspections, which no other file names, are numbered without keeping their ids.
 */
const ROW_NODE = Symbol('the node of this row');
type NodeEnd = { label: string; column: string | typeof ROW_NODE };

/** The number of a node the row references (checked to exist before the row is staged). */
function numberOf(ids: NodeNumbers, end: NodeEnd, row: GraphRow): number {
  const number =
    end.column === ROW_NODE
      ? ((row as Record<symbol, unknown>)[ROW_NODE] as number | undefined)
      : typeof row[end.column] === 'string'
        ? ids.get(end.label, row[end.column] as string)
        : undefined;
  if (number === undefined)
    throw new Error(`bulk import: no ${end.label} node for line ${row.line} staged`);
  return number;
}

/** Property columns, in the order the mapper in graph-rows.ts writes them. */
function propertyColumns(names: readonly string[]): StagedColumn[] {
  return names.map((name) => ({ kind: 'property', name }));
}

/**
 * A node table: the node's number, its `id` property, its other properties. Rows that repeat an
 * id (accounts, contacts) give one node; the staging keeps the first, which equals the Cypher
 * load's last-row-wins MERGE because such nodes hold only properties the id determines.
 */
function nodeTable(
  label: string,
  propNames: readonly string[],
  id: (row: GraphRow) => unknown = (row) => row.id,
  extra?: (row: GraphRow) => unknown[],
  /** No other row names these nodes: they get numbers without their ids being kept. */
  unnamed = false,
): ImportTable {
  return {
    name: label.toLowerCase(),
    kind: 'nodes',
    label,
    unnamed,
    columns: [{ kind: 'id' }, ...propertyColumns(['id', ...propNames])],
    cells: (row, ids) => {
      const key = String(id(row));
      const number = unnamed ? ids.fresh(label) : ids.add(label, key);
      (row as Record<symbol, unknown>)[ROW_NODE] = number;
      if (extra) return [[number, key, ...extra(row)]];
      // Filled in place: this runs for millions of rows.
      const cells = new Array<unknown>(2 + propNames.length);
      cells[0] = number;
      cells[1] = key;
      const p = props(row);
      for (let i = 0; i < propNames.length; i++) cells[2 + i] = p[propNames[i]!];
      return [cells];
    },
  };
}

/** A relationship between two columns of the row, with the row's props (and key or id). */
function relTable(
  name: string,
  type: string,
  from: NodeEnd,
  to: NodeEnd,
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
    columns: [{ kind: 'start' }, { kind: 'end' }, ...propertyColumns(names)],
    cells: (row, ids) => {
      if (options.when && !options.when(row)) return [];
      const p = props(row);
      const cells = new Array<unknown>(2 + names.length);
      cells[0] = numberOf(ids, from, row);
      cells[1] = numberOf(ids, to, row);
      for (let i = 0; i < names.length; i++) {
        const n = names[i]!;
        cells[2 + i] = n === own ? row[n] : p[n];
      }
      return [cells];
    },
    // The Cypher load MERGEs on (from, to, key) — on the unordered pair when undirected; a
    // relation with its own id (employments) is unique by the contract's id check.
    fold:
      own === 'id' || options.unique
        ? undefined
        : { unordered: options.undirected ?? false, keyColumn: own === 'key' ? 2 : undefined },
  };
}

const person = (column: string) => ({ label: 'Person', column });
const employer = (column: string) => ({ label: 'Employer', column });
const address = (column: string) => ({ label: 'Address', column });
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
    relTable('staff_is', 'IS', { label: 'Staff', column: ROW_NODE }, person('person_id'), [], {
      unique: true,
      when: present('person_id'),
    }),
  ],
  accounts: [
    nodeTable('Account', [], (row) => row.account_id),
    ...(['person', 'employer'] as const).map((holder) =>
      relTable(
        `${holder}_holds`,
        'HOLDS',
        { label: holder === 'person' ? 'Person' : 'Employer', column: 'holder_id' },
        { label: 'Account', column: 'account_id' },
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
      [...TIME, 'contract', 'hours', 'wage', 'employer', 'person'],
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
    nodeTable(
      'Contact',
      ['channel', 'value_hash'],
      (row) => row.contact_id,
      (row) => [row.channel, row.value_hash],
    ),
    ...(['person', 'employer'] as const).map((holder) =>
      relTable(
        `${holder}_uses`,
        'USES',
        { label: holder === 'person' ? 'Person' : 'Employer', column: 'holder_id' },
        { label: 'Contact', column: 'contact_id' },
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
    nodeTable(
      'Claim',
      ['type', ...TIME, 'monthly_amount_eur', 'status', 'channel'],
      undefined,
      undefined,
      true,
    ),
    relTable('claimed', 'CLAIMED', person('person_id'), { label: 'Claim', column: ROW_NODE }, [], {
      unique: true,
    }),
    relTable(
      'processed_by',
      'PROCESSED_BY',
      { label: 'Claim', column: ROW_NODE },
      { label: 'Staff', column: 'processed_by' },
      [],
      { unique: true, when: present('processed_by') },
    ),
    relTable(
      'paid_to',
      'PAID_TO',
      { label: 'Claim', column: ROW_NODE },
      { label: 'Account', column: 'paid_to' },
      [],
      { unique: true, when: present('paid_to') },
    ),
    relTable(
      'rests_on',
      'RESTS_ON',
      { label: 'Claim', column: ROW_NODE },
      employer('employer_id'),
      [],
      { unique: true, when: present('employer_id') },
    ),
  ],
  inspections: [
    nodeTable(
      'Inspection',
      ['subject_type', 'opened_on', 'closed_on', 'offence', 'outcome', 'origin', 'recovered_eur'],
      undefined,
      undefined,
      true,
    ),
    ...(['employer', 'person', 'staff'] as const).map((subject) =>
      relTable(
        `inspection_of_${subject}`,
        'OF',
        { label: 'Inspection', column: ROW_NODE },
        { label: subject[0]?.toUpperCase() + subject.slice(1), column: 'subject_id' },
        [],
        { unique: true, when: is('subject_type', subject) },
      ),
    ),
  ],
};
