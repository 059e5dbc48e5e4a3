// Export of a filtered queue for other case systems: JSON (the list items, with the entities
// each case concerns) or CSV (one row per case, entities as `type:id` joined by `;`), newest
// first, at most MAX_EXPORT cases (the answer says when there were more).
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { parseInput } from '../views/parse-input.js';
import { toCaseSummary } from './case-rows.js';
import { CaseSummarySchema } from './case-schema.js';
import { CaseFilterSchema, filterParams } from './list-cases.js';

export const MAX_EXPORT = 100_000;

export const CaseExportQuerySchema = CaseFilterSchema.extend({
  format: z.enum(['json', 'csv']).default('json'),
});
export type CaseExportQuery = z.input<typeof CaseExportQuerySchema>;

export const CaseExportSchema = z.object({
  exportedAt: z.string(),
  truncated: z.boolean(),
  cases: z.array(CaseSummarySchema.extend({ entities: z.array(z.string()) })),
});
export type CaseExport = z.infer<typeof CaseExportSchema>;

export async function exportCases(
  db: Database,
  raw: CaseExportQuery,
  viewer: Viewer,
  now = new Date(),
): Promise<CaseExport> {
  const query = parseInput(CaseExportQuerySchema, raw, 'cases');
  const rows = await db.read('cases/list', {
    ...filterParams(query, viewer),
    statuses: query.status ?? null,
    sort: 'newest',
    afterScore: null,
    afterId: null,
    limit: MAX_EXPORT + 1,
  });
  return {
    exportedAt: now.toISOString(),
    truncated: rows.length > MAX_EXPORT,
    cases: rows
      .slice(0, MAX_EXPORT)
      .map((r) => ({ ...toCaseSummary(r.c), entities: [...r.entities].sort() })),
  };
}

export const CSV_COLUMNS = [
  'id',
  'status',
  'origin',
  'subject_type',
  'subject_id',
  'entity_count',
  'entities',
  'band',
  'score',
  'model_version',
  'sector',
  'region',
  'offence',
  'assignee',
  'created_at',
  'created_by',
  'closed_at',
  'outcome',
  'recovered_eur',
  'title',
] as const;

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is
 * prefixed with an apostrophe: titles and notes are typed by users (OWASP, "CSV injection").
 */
export function safeCell(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The export as CSV (RFC 4180, a header row, UTF-8). */
export function casesCsv(data: CaseExport): string {
  return stringify(
    data.cases.map((c) =>
      [
        c.id,
        c.status,
        c.origin,
        c.subject.type,
        c.subject.id,
        c.entityCount,
        c.entities.join(';'),
        c.band ?? '',
        c.score ?? '',
        c.modelVersion ?? '',
        c.sector ?? '',
        c.region ?? '',
        c.offence ?? '',
        c.assignee ?? '',
        c.createdAt,
        c.createdBy,
        c.closedAt ?? '',
        c.outcome ?? '',
        c.recoveredEur ?? '',
        c.title,
      ].map(safeCell),
    ),
    { header: true, columns: [...CSV_COLUMNS] },
  );
}
