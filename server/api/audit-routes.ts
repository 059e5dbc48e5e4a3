// GET /api/audit: supervisors (and admins) read the trail. Reading it is itself recorded.
import { AuditPageSchema, AuditQuerySchema, searchAudit } from '../audit/search-audit.js';
import type { Database } from '../db/database.js';
import { route, type RouteDef } from './route.js';

export function auditRoutes(db: Database): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/audit',
      tag: 'audit',
      summary: 'The audit trail, newest first, filtered by user, time, action and entity',
      access: ['supervisor', 'admin'],
      query: AuditQuerySchema,
      response: AuditPageSchema,
      audit: () => [],
      handler: ({ query }) => searchAudit(db, query),
    }),
  ];
}
