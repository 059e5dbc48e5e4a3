// An audit entry for tests that append to the trail themselves: an analyst's read of one person.
import type { AuditEntry } from '../server/audit/audit-record.js';

export function analystRead(user: string, i: number): AuditEntry {
  return {
    at: new Date().toISOString(),
    user,
    role: 'analyst',
    action: 'test',
    path: null,
    entities: [`Person:${i}`],
    entityCount: 1,
    purpose: null,
    status: 200,
  };
}
