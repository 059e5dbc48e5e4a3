// An entity's timeline: its dated relations, founding and ceasing, and inspections as one list
// in date order, each in plain words from the entity's side ("job at Alpha Bouw (full time,
// 38 h/week, €3,695/month)" for a person, "job of P12 …" for the employer).
import { z } from 'zod';
import type { EntityEventRow, InspectionRow } from '../db/entity-queries.js';
import { formatValue } from '../scoring/rules/format-reason.js';
import { NodeLabelSchema, RelationshipTypeSchema } from './entity-types.js';

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

function summaryOf(e: EntityEventRow, side: Side): string {
  const f = e.facts;
  const other = e.other.label;
  switch (e.kind) {
    case 'job': {
      const details = joined([
        words(f.contract),
        typeof f.hours === 'number' && `${formatValue('hours', f.hours)} h/week`,
        monthly(f.wage),
      ]);
      return side === 'person' ? `job at ${other}${details}` : `job of ${other}${details}`;
    }
    case 'client': {
      const share = typeof f.share === 'number' ? formatValue('share', f.share) : null;
      return side === 'person'
        ? `self-employed for client ${other}${joined([share && `${share} of income`])}`
        : `self-employed ${other} works for it${joined([share && `${share} of their income`])}`;
    }
    case 'directorship': {
      const role = words(f.role) ?? 'director';
      return side === 'person' ? `${role} of ${other}` : `${role}: ${other}`;
    }
    case 'claim':
      return `${words(f.type) ?? 'benefit'} claim ${e.other.id}${joined([
        words(f.status),
        monthly(f.amount),
        words(f.channel),
      ])}`;
    case 'residence':
    case 'seat': {
      const place = [f.postcode, f.municipality].filter((p) => typeof p === 'string').join(' ');
      const details = joined([place, f.addressKind === 'domiciliation' && 'domiciliation address']);
      return `${e.kind === 'seat' ? 'seated' : 'lives'} at ${e.other.id}${details}`;
    }
    case 'subcontract':
      return `subcontracts to ${other}${joined([money(f.value)])}`;
    case 'contractor':
      return `subcontractor of ${other}${joined([money(f.value)])}`;
    default:
      return `${words(e.kind)} ${other}`;
  }
}

/** A dated relation from the queries, in words from `side`. */
export function relationEvent(e: EntityEventRow, side: Side): TimelineEvent {
  return {
    date: e.date ?? e.endDate,
    endDate: e.endDate,
    kind: (timelineKinds as readonly string[]).includes(e.kind) ? (e.kind as TimelineKind) : 'job',
    summary: summaryOf(e, side),
    relation: e.relation,
    other: e.other,
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
