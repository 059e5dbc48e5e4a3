// One case as a user may see it. A case about an official does not exist for a role that may
// not see staff (404, like the official's own page), so its existence tells nothing.
import type { Viewer } from '../auth/roles.js';
import { canSeeStaff } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import { toCaseDetail } from './case-rows.js';
import type { CaseDetail } from './case-schema.js';

export async function readCase(db: Database, id: string, viewer: Viewer): Promise<CaseDetail> {
  const [row] = await db.read('cases/detail', { id });
  if (!row || (row.c.has_staff === true && !canSeeStaff(viewer))) {
    throw new NotFoundError(`cases: no case ${id}; check the id`);
  }
  return toCaseDetail(row, viewer);
}
