// Every route of the API, in one list: mounted by app.ts, documented by openapi.ts, and walked
// by the role-matrix test.
import type { AuditTrail } from '../audit/audit-trail.js';
import type { SessionCache } from '../auth/session-cache.js';
import type { AuthSettings, CaseSettings, ViewSettings } from '../config.js';
import type { Database } from '../db/database.js';
import { auditRoutes } from './audit-routes.js';
import { authRoutes } from './auth-routes.js';
import { caseRoutes } from './case-routes.js';
import { deliveryRoutes } from './delivery-routes.js';
import { internalFraudRoutes } from './internal-fraud-routes.js';
import { modelRoutes } from './model-routes.js';
import type { RouteDef } from './route.js';
import { viewRoutes } from './view-routes.js';

export interface RouteDeps {
  db: Database;
  trail: AuditTrail;
  sessions: SessionCache;
  auth: AuthSettings;
  cases: CaseSettings;
  views: ViewSettings;
}

export function apiRoutes(deps: RouteDeps): RouteDef[] {
  return [
    ...authRoutes(deps),
    ...viewRoutes(deps.db, deps.views),
    ...internalFraudRoutes(deps.db),
    ...auditRoutes(deps.db),
    ...modelRoutes(deps.db),
    // Before any `/cases/:id` route, which would take `deliveries` for a case id.
    ...deliveryRoutes(deps.db),
    ...caseRoutes(deps.db, deps.cases),
  ];
}
