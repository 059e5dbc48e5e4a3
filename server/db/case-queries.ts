// The case queue's queries (cypher/cases/). Rows are checked loosely here (the graph's own
// types) and turned into the API's shapes by server/cases/case-rows.ts. Spread into `queries`.
import { z } from 'zod';
import { query } from './query-def.js';
import { integerParam } from './values.js';

const str = z.string();
const optStr = z.string().nullable();
const optNum = z.number().nullable();
const stored = z.record(z.string(), z.unknown());
const type = z.enum(['employer', 'person', 'staff']);
const snapshotFields = {
  score: optNum,
  band: optStr,
  modelVersion: optStr,
  topReason: optStr,
  /** The top reason for viewers who may not see officials (server/scoring/staff-revealing.ts). */
  maskedTopReason: optStr,
};
const filters = {
  assignee: optStr,
  bands: z.array(str).nullable(),
  sector: optStr,
  region: optStr,
  offence: optStr,
  origin: optStr,
  type: optStr,
  hideStaff: z.boolean(),
};

export const caseQueries = {
  'cases/entity-snapshots': query(
    z.object({ refs: z.array(z.object({ type, id: str })) }),
    z.object({
      type,
      id: str,
      label: str,
      ...snapshotFields,
      reasons: optStr,
      sector: optStr,
      region: optStr,
      openCases: z.array(str),
    }),
  ),
  'cases/community-members': query(
    z.object({
      communityId: str,
      hideStaff: z.boolean(),
      limit: z.number().int().positive().pipe(integerParam),
    }),
    z.object({ total: z.number(), members: z.array(z.object({ type, id: str })) }),
  ),
  'cases/next-id': query(z.object({}), z.object({ n: z.number() })),
  'cases/create': query(
    z.object({
      case: z.object({
        id: str,
        title: str,
        note: optStr,
        status: str,
        version: z.number().int().pipe(integerParam),
        origin: str,
        subject_type: type,
        subject_id: str,
        entity_count: z.number().int().pipe(integerParam),
        has_staff: z.boolean(),
        band: optStr,
        score: optNum,
        model_version: optStr,
        sector: optStr,
        region: optStr,
        offence: optStr,
        community_id: optStr,
        assignee: optStr,
        created_by: str,
      }),
      entities: z.array(
        z.object({ type, id: str, label: str, ...snapshotFields, reasons: optStr }),
      ),
      event: z.record(str, z.unknown()),
      at: str,
    }),
    z.object({ id: str, linked: z.number() }),
  ),
  'cases/lock': query(
    z.object({ id: str }),
    z.object({
      id: str,
      status: str,
      version: z.number(),
      assignee: optStr,
      origin: str,
      hasStaff: z.boolean(),
      offence: optStr,
      createdAt: str,
    }),
  ),
  'cases/update': query(
    z.object({
      id: str,
      set: z.record(str, z.unknown()),
      bump: z.number().int().min(0).max(1).pipe(integerParam),
      event: z.record(str, z.unknown()),
      at: str,
    }),
    z.object({ version: z.number(), seq: z.number() }),
  ),
  'cases/write-inspections': query(
    z.object({
      rows: z.array(
        z.object({
          id: str,
          subjectType: type,
          subjectId: str,
          openedOn: str,
          closedOn: str,
          offence: str,
          outcome: str,
          origin: str,
          recoveredEur: z.number(),
          caseId: str,
          band: optStr,
          score: optNum,
          model: optStr,
        }),
      ),
    }),
    z.object({ written: z.number() }),
  ),
  'cases/list': query(
    z.object({
      ...filters,
      statuses: z.array(str).nullable(),
      sort: z.enum(['newest', 'score']),
      afterScore: optNum,
      afterId: optStr,
      limit: z.number().int().positive().pipe(integerParam),
    }),
    z.object({ c: stored, entities: z.array(str) }),
  ),
  'cases/count-by-status': query(z.object(filters), z.object({ status: str, cases: z.number() })),
  'cases/detail': query(
    z.object({ id: str }),
    z.object({
      c: stored,
      entities: z.array(z.object({ type, id: str, label: str, ...snapshotFields })),
      events: z.array(stored),
      inspections: z.array(
        z.object({
          id: str,
          type,
          subjectId: str,
          outcome: str,
          offence: str,
          recoveredEur: z.number(),
        }),
      ),
    }),
  ),
  'cases/population': query(z.object({ type, scope: str }), z.object({ total: z.number() })),
  'cases/entity-at': query(
    z.object({ type, scope: str, offset: z.number().int().min(0).pipe(integerParam) }),
    z.object({ id: str, open: z.boolean() }),
  ),
  'cases/origin-counts': query(
    z.object({ type, scope: str }),
    z.object({ model: z.number(), random: z.number() }),
  ),
  'cases/assignee': query(
    z.object({ username: str }),
    z.object({ role: str, disabled: z.boolean().nullable() }),
  ),
} as const;
