// (:Case) and (:CaseEvent) properties as read from the graph → the API's shapes (case-schema.ts).
// Officials are left out of a case's entities for every role that may not see staff, and so is a
// snapshot's top reason that reveals an official (those roles get the one among what they see).
import type { Viewer } from '../auth/roles.js';
import { canSeeStaff } from '../auth/roles.js';
import type { QueryRow } from '../db/queries.js';
import {
  CaseDetailSchema,
  CaseEventSchema,
  CaseSummarySchema,
  type CaseDetail,
  type CaseEvent,
  type CaseSummary,
} from './case-schema.js';

type Stored = Record<string, unknown>;

const orNull = (v: unknown) => (v === undefined ? null : v);

export function toCaseSummary(c: Stored): CaseSummary {
  return CaseSummarySchema.parse({
    id: c.id,
    version: c.version,
    title: c.title,
    status: c.status,
    origin: c.origin,
    subject: { type: c.subject_type, id: c.subject_id },
    entityCount: c.entity_count,
    band: orNull(c.band),
    score: orNull(c.score),
    modelVersion: orNull(c.model_version),
    sector: orNull(c.sector),
    region: orNull(c.region),
    offence: orNull(c.offence),
    communityId: orNull(c.community_id),
    assignee: orNull(c.assignee),
    createdAt: c.created_at,
    createdBy: c.created_by,
    updatedAt: c.updated_at,
    closedAt: orNull(c.closed_at),
    outcome: orNull(c.outcome),
    recoveredEur: orNull(c.recovered_eur),
  });
}

function toCaseEvent(e: Stored): CaseEvent {
  return CaseEventSchema.parse({
    seq: e.seq,
    at: e.at,
    by: e.by,
    kind: e.kind,
    fromStatus: orNull(e.from_status),
    toStatus: orNull(e.to_status),
    assignee: orNull(e.assignee),
    text: orNull(e.text),
    measure:
      typeof e.measure_kind === 'string'
        ? { kind: e.measure_kind, mode: e.measure_mode, status: e.measure_status }
        : null,
  });
}

export function toCaseDetail(row: QueryRow<'cases/detail'>, viewer: Viewer): CaseDetail {
  const staff = canSeeStaff(viewer);
  const visible = row.entities.filter((e) => staff || e.type !== 'staff');
  return CaseDetailSchema.parse({
    ...toCaseSummary(row.c),
    note: orNull(row.c.note),
    closeNote: orNull(row.c.close_note),
    closedBy: orNull(row.c.closed_by),
    entities: visible
      .map((e) => ({
        type: e.type,
        id: e.id,
        label: e.label,
        snapshot: {
          score: e.score,
          band: e.band,
          modelVersion: e.modelVersion,
          // Kept from the scoring run like the rest of the snapshot (server/scoring/
          // staff-revealing.ts); null for viewers who may not see officials in cases opened
          // before it was kept.
          topReason: staff ? e.topReason : e.maskedTopReason,
        },
      }))
      .sort((a, b) => (b.snapshot.score ?? -1) - (a.snapshot.score ?? -1) || cmp(a.id, b.id)),
    hiddenEntities: row.entities.length - visible.length,
    events: row.events.map(toCaseEvent).sort((a, b) => a.seq - b.seq),
    inspections: row.inspections
      .filter((i) => staff || i.type !== 'staff')
      .map((i) => ({
        id: i.id,
        subject: { type: i.type, id: i.subjectId },
        outcome: i.outcome,
        offence: i.offence,
        recoveredEur: i.recoveredEur,
      }))
      .sort((a, b) => cmp(a.id, b.id)),
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
