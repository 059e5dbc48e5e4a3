// `ringwatch export scores`: every score as CSV for other systems — entity type, id,
// probability, band, rank, the model version, offences pointed to, and the top reasons in words.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Database } from '../db/database.js';
import { RingwatchError } from '../errors.js';
import { areaSubject, areas } from './areas.js';
import { readReasons } from './reasons.js';

const pageQuery = {
  employer: 'scoring/export-employer-page',
  beneficiary: 'scoring/export-person-page',
  internal: 'scoring/export-staff-page',
} as const;

export const exportColumns = [
  'entity_type',
  'entity_id',
  'probability',
  'band',
  'rank',
  'band_scope',
  'model',
  'offences',
  'top_reasons',
  'run',
] as const;

/** Writes the CSV and returns the number of rows per entity type. */
export async function exportScores(
  db: Database,
  file: string,
  pageSize = 5000,
): Promise<Record<string, number>> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const out = createWriteStream(file);
  const csv = stringify({ header: true, columns: [...exportColumns] });
  csv.pipe(out);
  const counts: Record<string, number> = {};
  for (const area of areas) {
    const type = areaSubject[area];
    counts[type] = 0;
    let after = '';
    for (;;) {
      const rows = await db.read(pageQuery[area], { after, limit: pageSize });
      for (const row of rows) {
        const reasons = readReasons(row.reasons, area);
        if (!reasons) {
          throw new RingwatchError(
            `export: the reasons stored with ${row.id}'s score could not be read; run \`ringwatch score\` again`,
          );
        }
        const top = [
          ...reasons.rules.map((r) => r.reason),
          ...reasons.contributions
            .filter((c) => c.contribution > 0)
            .slice(0, 3)
            .map((c) => `${c.description} (+${c.contribution.toFixed(2)} log-odds)`),
        ].slice(0, 3);
        const ok = csv.write([
          type,
          row.id,
          row.score.toFixed(6),
          row.band,
          row.rank,
          row.scope,
          row.model,
          row.offences.join(' '),
          top.join(' | '),
          row.run,
        ]);
        if (!ok) await new Promise((resolve) => csv.once('drain', resolve));
        counts[type]++;
      }
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1]!.id;
    }
  }
  csv.end();
  await finished(out);
  return counts;
}
