// How many of the fraud rings planted in a synthetic data set a scoring finds, per pattern,
// and how many decoys it flags — `ringwatch evaluate --truth DIR.truth`. The truth is the
// generator's (fixtures/truth.ts); its schemas and its notion of who is culpable are reused
// here, never redefined.
//
// Definitions, per pattern p (entities are keyed by type and id; accounts are in the truth
// but are never scored, so they are left out everywhere):
//   planted         culpable members of p's planted (non-decoy) rings: every member except
//                   the bystander roles of fixtures/plant/ring.ts (BYSTANDER_ROLES: workers of
//                   a phoenix chain, workplaces, family members, neighbours), exactly as the
//                   generator decides whom an inspection would confirm
//   flaggedPlanted  planted entities that are flagged; recall = flaggedPlanted / planted (with
//                   its Wilson 95 % interval), also broken down by band
//   bystanders      non-culpable members of p's planted rings, and how many are flagged
//   ringsHit        planted rings of p with at least one member (any role) flagged, of
//                   plantedRings (a ring hosted inside another counts as its own ring)
//   decoyMembers    members of p's decoy rings (legitimate look-alikes), decoysFlagged of them
//                   flagged, decoyRingsFlagged rings with a member flagged
//   precision       only when flags say which offence they are for: among distinct entities
//                   flagged for p's offence (PATTERN_INFO[p].offence), the share that are
//                   planted in a ring of p; otherwise null with the reason
//   shareOfFlags    flaggedPlanted / all flagged entities
// Overall: flagged entities, how many are planted in some ring (precision = share), how many
// are decoys (members of a decoy ring and planted in none).
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Offence } from '../../../contract/enums.js';
import { PATTERN_INFO, PATTERNS, type Pattern } from '../../../fixtures/patterns.js';
import { BYSTANDER_ROLES } from '../../../fixtures/plant/ring.js';
import { RingRow, TRUTH_FILES, TruthRow } from '../../../fixtures/truth.js';
import { isProblem, readCsvRecords } from '../../../loaders/csv-records.js';
import { BadInputError } from '../../errors.js';
import {
  BANDS,
  bandSchema,
  estimateSchema,
  proportionSchema,
  type Band,
} from './metric-schemas.js';
import { proportion } from './metrics.js';

const count = () => z.number().int().min(0);

export const truthPatternSchema = z.object({
  pattern: z.enum(PATTERNS),
  plantedRings: count(),
  ringsHit: count(),
  planted: count(),
  flaggedPlanted: count(),
  recall: proportionSchema,
  flaggedPlantedByBand: z.record(bandSchema, count()),
  bystanders: count(),
  bystandersFlagged: count(),
  decoyRings: count(),
  decoyRingsFlagged: count(),
  decoyMembers: count(),
  decoysFlagged: count(),
  precision: estimateSchema,
  shareOfFlags: z.number().min(0).max(1).nullable(),
});
export type TruthPattern = z.infer<typeof truthPatternSchema>;

export const truthRecallSchema = z.object({
  flagged: count(),
  flaggedPlanted: count(),
  /** flaggedPlanted / flagged. */
  precision: proportionSchema,
  flaggedDecoys: count(),
  patterns: z.array(truthPatternSchema),
  note: z.string(),
});
export type TruthRecall = z.infer<typeof truthRecallSchema>;

export const SCORED_ENTITY_TYPES = ['person', 'employer', 'staff'] as const;

/** One flagged entity. `offence`, when given, is the offence the flag is for. */
export interface FlaggedEntity {
  entityType: (typeof SCORED_ENTITY_TYPES)[number];
  entityId: string;
  band: Band;
  offence?: Offence;
}

export interface Truth {
  entities: TruthRow[];
  rings: RingRow[];
}

const keyOf = (type: string, id: string) => `${type}|${id}`;

interface PatternSets {
  planted: Set<string>;
  bystanders: Set<string>;
  decoys: Set<string>;
  /** ring id → member keys (accounts left out). */
  rings: Map<string, Set<string>>;
  decoyRings: Map<string, Set<string>>;
}

function patternSets(truth: Truth): Map<Pattern, PatternSets> {
  const sets = new Map<Pattern, PatternSets>();
  for (const p of PATTERNS) {
    sets.set(p, {
      planted: new Set(),
      bystanders: new Set(),
      decoys: new Set(),
      rings: new Map(),
      decoyRings: new Map(),
    });
  }
  for (const ring of truth.rings) {
    const s = sets.get(ring.pattern) as PatternSets;
    (ring.decoy ? s.decoyRings : s.rings).set(ring.ring_id, new Set());
  }
  for (const row of truth.entities) {
    if (row.entity_type === 'account') continue;
    const s = sets.get(row.pattern) as PatternSets;
    const key = keyOf(row.entity_type, row.entity_id);
    const rings = row.decoy ? s.decoyRings : s.rings;
    let members = rings.get(row.ring_id);
    if (!members) rings.set(row.ring_id, (members = new Set()));
    members.add(key);
    if (row.decoy) s.decoys.add(key);
    else if (BYSTANDER_ROLES.has(row.role ?? '')) s.bystanders.add(key);
    else s.planted.add(key);
  }
  // an entity culpable in one ring of p and a bystander in another counts as planted
  for (const s of sets.values()) for (const k of s.planted) s.bystanders.delete(k);
  return sets;
}

function countIn(keys: Iterable<string>, flagged: ReadonlySet<string>): number {
  let n = 0;
  for (const k of keys) if (flagged.has(k)) n++;
  return n;
}

function ringsWithFlag(rings: Map<string, Set<string>>, flagged: ReadonlySet<string>): number {
  let n = 0;
  for (const members of rings.values()) if (countIn(members, flagged) > 0) n++;
  return n;
}

/** Recall and precision of `flagged` against the planted truth, per pattern (see the header). */
export function truthRecall(flagged: readonly FlaggedEntity[], truth: Truth): TruthRecall {
  const bandOf = new Map<string, Band>();
  const byOffence = new Map<Offence, Set<string>>();
  let withOffence = false;
  for (const f of flagged) {
    const key = keyOf(f.entityType, f.entityId);
    const seen = bandOf.get(key);
    // an entity flagged twice (for two offences) counts once, in its highest band
    if (seen === undefined || BANDS.indexOf(f.band) < BANDS.indexOf(seen)) bandOf.set(key, f.band);
    if (f.offence !== undefined) {
      withOffence = true;
      let s = byOffence.get(f.offence);
      if (!s) byOffence.set(f.offence, (s = new Set()));
      s.add(key);
    }
  }
  const flaggedKeys = new Set(bandOf.keys());
  const sets = patternSets(truth);
  const anyPlanted = new Set<string>();
  const anyDecoy = new Set<string>();
  const patterns: TruthPattern[] = [];
  for (const [pattern, s] of sets) {
    for (const k of s.planted) anyPlanted.add(k);
    for (const k of s.decoys) anyDecoy.add(k);
    const byBand = Object.fromEntries(BANDS.map((b) => [b, 0])) as Record<Band, number>;
    let flaggedPlanted = 0;
    for (const k of s.planted) {
      const band = bandOf.get(k);
      if (band === undefined) continue;
      flaggedPlanted++;
      byBand[band]++;
    }
    const forOffence = byOffence.get(PATTERN_INFO[pattern].offence);
    let precision: TruthPattern['precision'];
    if (!withOffence) {
      precision = { value: null, reason: 'the flags do not say which offence they are for' };
    } else if (!forOffence || forOffence.size === 0) {
      precision = { value: null, reason: `nothing flagged for ${PATTERN_INFO[pattern].offence}` };
    } else {
      precision = { value: countIn(forOffence, s.planted) / forOffence.size, reason: null };
    }
    patterns.push({
      pattern,
      plantedRings: s.rings.size,
      ringsHit: ringsWithFlag(s.rings, flaggedKeys),
      planted: s.planted.size,
      flaggedPlanted,
      recall: proportion(flaggedPlanted, s.planted.size),
      flaggedPlantedByBand: byBand,
      bystanders: s.bystanders.size,
      bystandersFlagged: countIn(s.bystanders, flaggedKeys),
      decoyRings: s.decoyRings.size,
      decoyRingsFlagged: ringsWithFlag(s.decoyRings, flaggedKeys),
      decoyMembers: s.decoys.size,
      decoysFlagged: countIn(s.decoys, flaggedKeys),
      precision,
      shareOfFlags: flaggedKeys.size === 0 ? null : flaggedPlanted / flaggedKeys.size,
    });
  }
  const flaggedPlanted = countIn(anyPlanted, flaggedKeys);
  let flaggedDecoys = 0;
  for (const k of anyDecoy) if (!anyPlanted.has(k) && flaggedKeys.has(k)) flaggedDecoys++;
  return {
    flagged: flaggedKeys.size,
    flaggedPlanted,
    precision: proportion(flaggedPlanted, flaggedKeys.size),
    flaggedDecoys,
    patterns,
    note:
      'Planted = culpable members of planted rings (bystanders such as the workers of a phoenix ' +
      'chain are counted apart); accounts are in the truth but never scored, so they are left out.',
  };
}

/** Reads one truth CSV file whole (it is small) and parses every row with `schema`. */
async function readTruthCsv<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const out: T[] = [];
  let header: string[] | null = null;
  const name = path.basename(file);
  for await (const items of readCsvRecords(createReadStream(file, { encoding: 'utf8' }))) {
    for (const item of items) {
      if (isProblem(item)) {
        throw new BadInputError(`evaluation: ${name}:${item.line}: ${item.problem}`);
      }
      if (header === null) {
        header = item.fields;
        continue;
      }
      if (item.fields.length === 1 && item.fields[0] === '') continue; // blank line
      const raw = Object.fromEntries(header.map((h, i) => [h, item.fields[i]]));
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const why = parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ');
        throw new BadInputError(
          `evaluation: ${name}:${item.line}: ${why}; is this a truth folder written by ringwatch generate?`,
        );
      }
      out.push(parsed.data);
    }
  }
  return out;
}

/**
 * Reads a generator truth folder (DIR.truth: truth.csv and rings.csv), validating every row
 * with the generator's own schemas.
 */
export async function readTruth(dir: string): Promise<Truth> {
  for (const f of [TRUTH_FILES.entities, TRUTH_FILES.rings]) {
    if (!existsSync(path.join(dir, f))) {
      throw new BadInputError(
        `evaluation: no ${f} in ${dir}; --truth takes the DIR.truth folder that ringwatch generate writes beside a data set`,
      );
    }
  }
  return {
    entities: await readTruthCsv(path.join(dir, TRUTH_FILES.entities), TruthRow),
    rings: await readTruthCsv(path.join(dir, TRUTH_FILES.rings), RingRow),
  };
}
