// An entity's score as a viewer may see it: band, rank, model, offences, the top reason and
// the scoring module's reasons, masked for viewers who may not see officials (what would tell
// that one is involved is left out, server/scoring/staff-revealing.ts).
import { z } from 'zod';
import { readReasons, reasonsSchema, type Reasons } from '../scoring/reasons.js';
import { areaOfSubject } from '../scoring/areas.js';
import { maskReasons } from '../scoring/staff-revealing.js';
import { isoInstant } from './entity-features.js';
import type { EntityType } from './entity-types.js';
import { BandSchema } from './graph-shape.js';

export const EntityScoreSchema = z.object({
  score: z.number(),
  band: BandSchema.nullable(),
  rank: z.number().int().nullable(),
  scope: z.string().nullable(),
  model: z.string().nullable(),
  offences: z.array(z.string()),
  topReason: z.string().nullable(),
  /** The scoring module's reasons (server/scoring/reasons.ts); null if unreadable. */
  reasons: reasonsSchema.nullable(),
  run: z.string().nullable(),
  at: z.iso.datetime().nullable(),
});
export type EntityScore = z.infer<typeof EntityScoreSchema>;

export function scoreOf(
  node: Record<string, unknown>,
  type: EntityType,
  staffVisible: boolean,
  notes: string[],
): EntityScore | null {
  if (typeof node.risk_score !== 'number') return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const band = BandSchema.safeParse(node.risk_band);
  return {
    score: node.risk_score,
    band: band.success ? band.data : null,
    rank: typeof node.risk_rank === 'number' ? node.risk_rank : null,
    scope: text(node.risk_scope),
    model: text(node.risk_model),
    offences: Array.isArray(node.risk_offences) ? node.risk_offences.map(String) : [],
    // Scoring stored the top reason among what such viewers see (null on nodes scored before).
    topReason: text(staffVisible ? node.risk_top_reason : node.risk_top_reason_masked),
    reasons: reasonsOf(node.risk_reasons, type, staffVisible, notes),
    run: text(node.risk_run),
    at: isoInstant(node.risk_at),
  };
}

function reasonsOf(
  json: unknown,
  type: EntityType,
  staffVisible: boolean,
  notes: string[],
): Reasons | null {
  if (typeof json !== 'string') return null;
  const reasons = readReasons(json, areaOfSubject(type)!);
  if (!reasons) {
    notes.push('score: the reasons stored with the score could not be read; score again');
    return null;
  }
  // Left out silently: a note would itself tell that an official is involved.
  return staffVisible ? reasons : maskReasons(reasons);
}
