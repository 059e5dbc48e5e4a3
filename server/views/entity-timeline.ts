// An entity's timeline: its dated relations, founding and ceasing, and inspections as one list
// in date order, each in plain words from the entity's side ("job at Alpha Bouw (full time,
// 38 h/week, €3,695/month)" for a person, "job of P12 …" for the employer).
import { z } from 'zod';
import type { EntityEventRow, InspectionRow } from '../db/entity-queries.js';
import { formatValue } from '../scoring/rules/format-reason.js';
import {
  NodeLabelSchema,
  RelationshipTypeSchema,
  type NodeLabel,
  type RelationshipType,
} from './entity-types.js';

export const timelineKinds = [
  'founded',
  'seat',
  'directorship',
  'job',
  'client',
  'subcontract',
  'contractor',
  'claim',
  'residence',
  'inspection',
  'ceased',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const TimelineEventSchema = z.object({
  /** When it began (or happened); null when the source gave no date: those come last. */
  date: z.iso.date().nullable(),
  endDate: z.iso.date().nullable(),
  kind: z.enum(timelineKinds),
  summary: z.string(),
  relation: RelationshipTypeSchema.nullable(),
  other: z.object({ type: NodeLabelSchema, id: z.string(), label: z.string() }).nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export type Side = 'employer' | 'person';

/** The kinds of dated relation the timeline queries return (event rows: entity-queries.ts). */
export const relationKinds = [
  'job',
  'client',
  'directorship',
  'seat',
  'residence',
  'subcontract',
  'contractor',
  'claim',
] as const satisfies readonly TimelineKind[];
export type RelationKind = (typeof relationKinds)[number];
export const RelationKindSchema = z.enum(relationKinds);

/** The relationship type of each kind. */
export const relationOf: Record<RelationKind, RelationshipType> = {
  job: 'EMPLOYED_BY',
  client: 'WORKS_FOR_CLIENT',
  directorship: 'DIRECTS',
  seat: 'SEATED_AT',
  residence: 'LIVES_AT',
  subcontract: 'SUBCONTRACTS_TO',
  contractor: 'SUBCONTRACTS_TO',
  claim: 'CLAIMED',
};

/** The other side's node type: an employer's workers, clients and directors are persons. */
function otherTypeOf(kind: RelationKind, side: Side): NodeLabel {
  switch (kind) {
    case 'seat':
    case 'residence':
      return 'Address';
    case 'claim':
      return 'Claim';
    case 'subcontract':
    case 'contractor':
      return 'Employer';
    default:
      return side === 'employer' ? 'Person' : 'Employer';
  }
}

const words = (s: unknown) => (typeof s === 'string' ? s.replace(/_/g, ' ') : null);
const money = (v: unknown) => (typeof v === 'number' ? formatValue('amount_eur', v) : null);
const monthly = (v: unknown) => {
  const amount = money(v);
  return amount && `${amount}/month`;
};
const joined = (parts: (string | null | false)[]) => {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p !== '');
  return kept.length > 0 ? ` (${kept.join(', ')})` : '';
};

/** An event in words; each kind's facts are read in the order the queries give them. */
function summaryOf([kind, , , id, label, facts]: EntityEventRow, side: Side): string {
  switch (kind) {
    case 'job': {
      const [contract, hours, wage] = facts;
      const details = joined([
        words(contract),
        typeof hours === 'number' && `${formatValue('hours', hours)} h/week`,
        monthly(wage),
      ]);
      return side === 'person' ? `job at ${label}${details}` : `job of ${label}${details}`;
    }
    case 'client': {
      const [share] = facts;
      const percent = typeof share === 'number' ? formatValue('share', share) : null;
      return side === 'person'
        ? `self-employed for client ${label}${joined([percent && `${percent} of income`])}`
        : `self-employed ${label} works for it${joined([percent && `${percent} of their income`])}`;
    }
    case 'directorship': {
      const role = words(facts[0]) ?? 'director';
      return side === 'person' ? `${role} of ${label}` : `${role}: ${label}`;
    }
    case 'claim': {
      const [type, status, amount, channel] = facts;
      return `${words(type) ?? 'benefit'} claim ${id}${joined([
        words(status),
        monthly(amount),
        words(channel),
      ])}`;
    }
    case 'residence':
    case 'seat': {
      const [postcode, municipality, addressKind] = facts;
      const place = [postcode, municipality].filter((p) => typeof p === 'string').join(' ');
      const details = joined([place, addressKind === 'domiciliation' && 'domiciliation address']);
      return `${kind === 'seat' ? 'seated' : 'lives'} at ${id}${details}`;
    }
    case 'subcontract':
      return `subcontracts to ${label}${joined([money(facts[0])])}`;
    case 'contractor':
      return `subcontractor of ${label}${joined([money(facts[0])])}`;
  }
}

/** A dated relation from the queries, in words from `side`. */
export function relationEvent(e: EntityEventRow, side: Side): TimelineEvent {
  const [kind, date, endDate, id, label] = e;
  return {
    date: date ?? endDate,
    endDate,
    kind,
    summary: summaryOf(e, side),
    relation: relationOf[kind],
    other: { type: otherTypeOf(kind, side), id, label },
  };
}

export function inspectionEvent(i: InspectionRow): TimelineEvent {
  const outcome = i.closed_on === null ? 'open' : (i.outcome ?? 'closed');
  const recovered =
    i.recovered_eur && i.recovered_eur > 0 ? `${money(i.recovered_eur)} recovered` : null;
  return {
    date: i.opened_on ?? i.closed_on,
    endDate: i.closed_on,
    kind: 'inspection',
    summary: `inspection for ${words(i.offence) ?? 'an unnamed offence'}: ${outcome}${joined([words(i.origin), recovered])}`,
    relation: 'OF',
    other: { type: 'Inspection', id: i.id, label: i.id },
  };
}

/** Founding and ceasing of an employer, from its properties. */
export function lifeEvents(node: Record<string, unknown>): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const date = (v: unknown) => (typeof v === 'string' ? v : null);
  if (date(node.founded_on)) {
    events.push({
      date: date(node.founded_on),
      endDate: null,
      kind: 'founded',
      summary: 'founded',
      relation: null,
      other: null,
    });
  }
  if (date(node.ceased_on)) {
    const debt = typeof node.contribution_debt_eur === 'number' ? node.contribution_debt_eur : 0;
    events.push({
      date: date(node.ceased_on),
      endDate: null,
      kind: 'ceased',
      summary: `ceased: ${words(node.status) ?? 'status unknown'}${debt > 0 ? `, leaving ${money(debt)} of contributions unpaid` : ''}`,
      relation: null,
      other: null,
    });
  }
  return events;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Date order (undated last), then kind, then the other side's id, then the end date. */
export function inDateOrder(events: TimelineEvent[]): TimelineEvent[] {
  const rank = (k: TimelineKind) => timelineKinds.indexOf(k);
  return [...events].sort(
    (a, b) =>
      (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) ||
      compare(a.date ?? '', b.date ?? '') ||
      rank(a.kind) - rank(b.kind) ||
      compare(a.other?.id ?? '', b.other?.id ?? '') ||
      compare(a.endDate ?? '', b.endDate ?? ''),
  );
}
