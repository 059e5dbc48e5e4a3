// The case queue's routes: open a case on entities or a community, list and export the queue,
// read one case, assign (supervisors, in bulk), take, start or release, comment, add a measure,
// close with the outcome. Changes carry the version the client read (409 when stale). Every
// route touches personal data: audited with the case and the entities it concerns.
import { z } from 'zod';
import type { CaseSettings } from '../config.js';
import type { Database } from '../db/database.js';
import {
  addMeasure,
  assignCases,
  commentCase,
  takeCase,
  transitionCase,
} from '../cases/case-actions.js';
import {
  AssignInputSchema,
  CaseDetailSchema,
  CloseInputSchema,
  CommentInputSchema,
  CreateCaseInputSchema,
  CreatedCasesSchema,
  MeasureInputSchema,
  TransitionInputSchema,
  VersionedSchema,
  type CaseDetail,
} from '../cases/case-schema.js';
import { caseManagerRoles, caseWorkerRoles } from '../cases/case-states.js';
import { closeCase } from '../cases/close-case.js';
import { createCase } from '../cases/create-case.js';
import {
  CaseExportQuerySchema,
  CaseExportSchema,
  casesCsv,
  exportCases,
} from '../cases/export-cases.js';
import { CaseListQuerySchema, CaseListSchema, listCases } from '../cases/list-cases.js';
import { readCase } from '../cases/read-case.js';
import { EntityIdSchema, entityLabel } from '../views/entity-types.js';
import { nodeKey } from '../views/graph-shape.js';
import { route, type RouteDef } from './route.js';
import { signedInViewer } from './signed-in.js';

const CaseParams = z.object({ id: EntityIdSchema });

const caseKeys = (c: Pick<CaseDetail, 'id' | 'entities'>) => [
  nodeKey('Case', c.id),
  ...c.entities.map((e) => nodeKey(entityLabel[e.type], e.id)),
];
const summaryKeys = (c: {
  id: string;
  subject: { type: keyof typeof entityLabel; id: string };
}) => [nodeKey('Case', c.id), nodeKey(entityLabel[c.subject.type], c.subject.id)];

export function caseRoutes(db: Database, settings: CaseSettings): RouteDef[] {
  const changed = (path: string, summary: string) => ({
    method: 'post' as const,
    path,
    tag: 'cases',
    summary,
    access: caseWorkerRoles,
    params: CaseParams,
    response: CaseDetailSchema,
    conflicts: true,
    audit: caseKeys,
  });
  return [
    route({
      method: 'post',
      path: '/cases',
      tag: 'cases',
      summary: 'Open a case on entities or on a community, keeping their risk as a snapshot',
      description:
        'Give `entities` (up to 200) or `communityId`. A model-driven case may draw control-group cases at random alongside (RINGWATCH_CONTROL_SHARE). A single entity with an open case gives 409 naming it.',
      access: caseWorkerRoles,
      body: CreateCaseInputSchema,
      response: CreatedCasesSchema,
      status: 201,
      conflicts: true,
      audit: (answer) => caseKeys(answer.case),
      handler: ({ body, viewer }) =>
        createCase(db, body, signedInViewer(viewer), { controlShare: settings.controlShare }),
    }),
    route({
      method: 'get',
      path: '/cases',
      tag: 'cases',
      summary: 'The case queue for a filter, with counts per status',
      description:
        'Filter by status, assignee (`me` for yourself), band, sector, region, offence, origin and subject type; newest or highest score first; keyset pages through `cursor`.',
      access: caseWorkerRoles,
      query: CaseListQuerySchema,
      response: CaseListSchema,
      audit: (answer) => answer.items.flatMap(summaryKeys),
      handler: ({ query, viewer }) => listCases(db, query, signedInViewer(viewer)),
    }),
    route({
      method: 'get',
      path: '/cases/export',
      tag: 'cases',
      summary: 'Export a filtered queue as JSON or CSV (`format=csv`) for another case system',
      access: caseManagerRoles,
      query: CaseExportQuerySchema,
      response: CaseExportSchema,
      audit: (answer) => answer.cases.flatMap(summaryKeys),
      alternative: {
        mediaType: 'text/csv',
        when: ({ query }) => query.format === 'csv',
        render: (answer) => ({
          body: casesCsv(answer),
          filename: `cases-${answer.exportedAt.slice(0, 10)}.csv`,
        }),
      },
      handler: ({ query, viewer }) => exportCases(db, query, signedInViewer(viewer)),
    }),
    route({
      method: 'post',
      path: '/cases/assign',
      tag: 'cases',
      summary: 'Assign cases to a user: all of them, or none if any is stale (409)',
      access: caseManagerRoles,
      body: AssignInputSchema,
      response: z.object({ assigned: z.array(z.string()) }),
      conflicts: true,
      audit: (answer) => answer.assigned.map((id) => nodeKey('Case', id)),
      handler: ({ body, viewer }) => assignCases(db, body, signedInViewer(viewer)),
    }),
    route({
      method: 'get',
      path: '/cases/:id',
      tag: 'cases',
      summary: 'One case: its snapshot, entities, history, measures and the inspections it wrote',
      access: caseWorkerRoles,
      params: CaseParams,
      response: CaseDetailSchema,
      audit: caseKeys,
      handler: ({ params, viewer }) => readCase(db, params.id, signedInViewer(viewer)),
    }),
    route({
      ...changed('/cases/:id/take', 'Take a new case: it is assigned to you'),
      body: VersionedSchema,
      handler: ({ params, body, viewer }) =>
        takeCase(db, params.id, body.version, signedInViewer(viewer)),
    }),
    route({
      ...changed(
        '/cases/:id/transition',
        'Start work on an assigned case (to in_progress) or put it back in the queue (to new)',
      ),
      body: TransitionInputSchema,
      handler: ({ params, body, viewer }) =>
        transitionCase(db, params.id, body, signedInViewer(viewer)),
    }),
    route({
      ...changed('/cases/:id/comments', 'Comment on a case (no version needed)'),
      body: CommentInputSchema,
      handler: ({ params, body, viewer }) =>
        commentCase(db, params.id, body, signedInViewer(viewer)),
    }),
    route({
      ...changed(
        '/cases/:id/measures',
        'Record a manual measure, or request an automatic one from the external system',
      ),
      body: MeasureInputSchema,
      handler: ({ params, body, viewer }) =>
        addMeasure(db, params.id, body, signedInViewer(viewer)),
    }),
    route({
      ...changed(
        '/cases/:id/close',
        'Close a case in progress with its outcome; writes an inspection (a label) per entity',
      ),
      body: CloseInputSchema,
      handler: ({ params, body, viewer }) => closeCase(db, params.id, body, signedInViewer(viewer)),
    }),
  ];
}
