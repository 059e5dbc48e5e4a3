// A month's selection: opens one model-driven case for each of the highest-ranked entities of
// a filter (type, band, sector, region, offence) that has no open case yet, up to `limit` — what
// an inspectorate with that capacity would take on — with the control group drawn alongside.
// `ringwatch cases plan` and the feedback-loop demo use it.
import type { Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { ConflictError } from '../errors.js';
import type { RankingsQueryInput } from '../views/rankings-input.js';
import { rankings } from '../views/rankings.js';
import { createCase, type CreateOptions } from './create-case.js';

export interface PlanOptions extends CreateOptions {
  filter: Omit<RankingsQueryInput, 'limit' | 'cursor' | 'sort'>;
  limit: number;
}

export interface PlanResult {
  opened: string[];
  skippedOpen: number;
  controlCasesDrawn: number;
}

export async function planCases(
  db: Database,
  viewer: Viewer,
  options: PlanOptions,
): Promise<PlanResult> {
  const result: PlanResult = { opened: [], skippedOpen: 0, controlCasesDrawn: 0 };
  let cursor: string | undefined;
  do {
    const page = await rankings(
      db,
      { ...options.filter, sort: 'score_desc', limit: 200, ...(cursor && { cursor }) },
      viewer,
    );
    for (const item of page.items) {
      if (result.opened.length >= options.limit) return result;
      try {
        const created = await createCase(
          db,
          { entities: [{ type: item.type, id: item.id }], origin: 'risk_model' },
          viewer,
          options,
        );
        result.opened.push(created.case.id);
        result.controlCasesDrawn += created.controlCasesDrawn;
      } catch (error) {
        if (!(error instanceof ConflictError && error.code === 'already_open')) throw error;
        result.skippedOpen++;
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && result.opened.length < options.limit);
  return result;
}
