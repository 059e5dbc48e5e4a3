// The rankings filter offers what the server accepts: its option lists read from the API's own
// OpenAPI document (generated from the zod schemas that check the requests), never a copy.
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../server/api/openapi.js';
import { apiRoutes } from '../server/api/routes.js';
import type { SessionCache } from '../server/auth/session-cache.js';
import type { AuditTrail } from '../server/audit/audit-trail.js';
import { loadConfig } from '../server/config.js';
import type { Database } from '../server/db/database.js';
import { entityTypes } from '../server/views/entity-types.js';
import { rankingSorts } from '../server/views/rankings-input.js';
import { OFFENCES } from '../contract/enums.js';
import { queryEnum, type OpenApiDocument } from '../web/src/rankings/openapi.js';
import { rankingOptions } from '../web/src/rankings/options.js';

// The document is built from the route declarations only; no request reaches the database.
const routes = apiRoutes({
  db: {} as Database,
  trail: {} as AuditTrail,
  sessions: {} as SessionCache,
  ...loadConfig({}),
});
const doc = JSON.parse(JSON.stringify(openApiDocument(routes, 'test'))) as OpenApiDocument;

describe('rankings options from the OpenAPI document', () => {
  it('finds the enums of the rankings query', () => {
    expect(queryEnum(doc, '/api/rankings', 'type')).toEqual([...entityTypes]);
    expect(queryEnum(doc, '/api/rankings', 'sort')).toEqual([...rankingSorts]);
    expect(queryEnum(doc, '/api/rankings', 'offence')).toEqual([...OFFENCES]);
    expect(queryEnum(doc, '/api/rankings', 'band')).toEqual(['red', 'orange', 'green', 'blue']);
    expect(queryEnum(doc, '/api/rankings', 'region')).toEqual([]);
    expect(queryEnum(doc, '/api/nothing', 'type')).toEqual([]);
  });

  it('offers staff only to those who see officials, and no "none" offence', () => {
    const everyone = rankingOptions(doc, false);
    expect(everyone.types.map((t) => t.value)).toEqual(['employer', 'person']);
    expect(rankingOptions(doc, true).types.map((t) => t.value)).toEqual([
      'employer',
      'person',
      'staff',
    ]);
    expect(everyone.offences.map((o) => o.value)).toEqual(OFFENCES.filter((o) => o !== 'none'));
    expect(everyone.offences[0]).toEqual({ value: 'undeclared_work', label: 'Undeclared work' });
    expect(everyone.sorts.find((s) => s.value === 'score_desc')?.label).toBe('Highest score first');
  });
});
