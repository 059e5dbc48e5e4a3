// The fairness table of a scoring: for each group of an audit column (sex, nationality group,
// region — never model features, DESIGN.md "Accountability"), how often its members are
// flagged and how often a flag on them is borne out.
//
// Definitions, per group g of the column:
//   entities         scored entities in g
//   flagged          those flagged (in a band the caller counts as flagged, e.g. red or orange)
//   flagRate         flagged / entities
//   flagRateRatio    flagRate(g) / flagRate(overall) — the disparate-impact ratio measured
//                    against the whole population rather than the most favoured group; above 1
//                    means g is flagged more often than average (more scrutiny). Ratios outside
//                    [0.8, 1.25] (the "four-fifths rule" and its inverse) are marked.
//   labelledFlagged  flagged entities of g whose inspection has closed (they have a label)
//   precision        confirmed / labelledFlagged, with its Wilson 95 % interval: whether flags
//                    on g are as often right as on others. Null when no flagged member of g has
//                    a label.
//
// Small groups are a re-identification risk, so a group with fewer than `minCount` entities
// (default 10) is never shown on its own. Suppressed groups are pooled into one row; while that
// pool holds fewer than minCount entities or only one group, the smallest shown group is added
// to it (complementary suppression), so no withheld group can be recovered by subtracting the
// shown rows from the overall row. The pool's member names are not listed. When the whole
// population is below minCount, nothing is shown. The table's `note` says all this in words.
import { z } from 'zod';
import { BadInputError } from '../../errors.js';
import { intervalSchema } from './metric-schemas.js';
import { proportion } from './metrics.js';

export const DEFAULT_MIN_GROUP_COUNT = 10;
/** Flag-rate ratios outside [FOUR_FIFTHS, 1/FOUR_FIFTHS] are marked. */
export const FOUR_FIFTHS = 0.8;

const count = () => z.number().int().min(0);
const rate = () => z.number().min(0).max(1).nullable();

export const fairnessRowSchema = z.object({
  /** The group's value; '(missing)' for entities without one; a description for the pool. */
  group: z.string(),
  kind: z.enum(['group', 'pooled', 'overall']),
  /** Groups in the row: 1 for a group, the number pooled for the pool. */
  groups: count(),
  entities: count(),
  flagged: count(),
  flagRate: rate(),
  flagRateRatio: z.number().min(0).nullable(),
  outsideFourFifths: z.boolean(),
  labelledFlagged: count(),
  confirmedFlagged: count(),
  precision: rate(),
  precisionInterval: intervalSchema.nullable(),
});
export type FairnessRow = z.infer<typeof fairnessRowSchema>;

export const fairnessTableSchema = z.object({
  /** The audit column, e.g. 'sex', 'nationality_group', 'region'. */
  column: z.string(),
  minCount: z.number().int().min(1),
  /** Shown groups (largest first), then the pool if any. */
  rows: z.array(fairnessRowSchema),
  /** Null when the whole population is smaller than minCount. */
  overall: fairnessRowSchema.nullable(),
  suppressedGroups: count(),
  note: z.string(),
});
export type FairnessTable = z.infer<typeof fairnessTableSchema>;

/** One scored entity as the fairness table sees it. */
export interface FairnessInput {
  /** The entity's value in the audit column; null or '' when unknown. */
  group: string | null;
  flagged: boolean;
  /** Outcome of its closed inspection (true = confirmed), or null when not inspected. */
  label: boolean | null;
}

export interface FairnessOptions {
  /** Smallest group shown on its own (default 10). */
  minCount?: number;
}

export const MISSING_GROUP = '(missing)';

interface Tally {
  group: string;
  entities: number;
  flagged: number;
  labelledFlagged: number;
  confirmedFlagged: number;
}

function add(into: Tally, from: Tally): void {
  into.entities += from.entities;
  into.flagged += from.flagged;
  into.labelledFlagged += from.labelledFlagged;
  into.confirmedFlagged += from.confirmedFlagged;
}

function row(t: Tally, kind: FairnessRow['kind'], groups: number, overallRate: number | null) {
  const flagRate = t.entities === 0 ? null : t.flagged / t.entities;
  const flagRateRatio = flagRate === null || !overallRate ? null : flagRate / overallRate;
  const precision = proportion(t.confirmedFlagged, t.labelledFlagged);
  return {
    group: t.group,
    kind,
    groups,
    entities: t.entities,
    flagged: t.flagged,
    flagRate,
    flagRateRatio,
    outsideFourFifths:
      flagRateRatio !== null && (flagRateRatio < FOUR_FIFTHS || flagRateRatio > 1 / FOUR_FIFTHS),
    labelledFlagged: t.labelledFlagged,
    confirmedFlagged: t.confirmedFlagged,
    precision: precision.rate,
    precisionInterval: precision.interval,
  } satisfies FairnessRow;
}

const empty = (group: string): Tally => ({
  group,
  entities: 0,
  flagged: 0,
  labelledFlagged: 0,
  confirmedFlagged: 0,
});

/** The fairness table of `column` over the scored entities `rows` (see the header). */
export function fairnessTable(
  column: string,
  rows: readonly FairnessInput[],
  options: FairnessOptions = {},
): FairnessTable {
  const minCount = options.minCount ?? DEFAULT_MIN_GROUP_COUNT;
  if (!Number.isInteger(minCount) || minCount < 1) {
    throw new BadInputError(
      `evaluation: fairness minCount must be a whole number ≥ 1, got ${minCount}`,
    );
  }
  const byGroup = new Map<string, Tally>();
  const total = empty('overall');
  for (const r of rows) {
    const name = r.group === null || r.group === '' ? MISSING_GROUP : r.group;
    let t = byGroup.get(name);
    if (!t) byGroup.set(name, (t = empty(name)));
    const one: Tally = {
      group: name,
      entities: 1,
      flagged: r.flagged ? 1 : 0,
      labelledFlagged: r.flagged && r.label !== null ? 1 : 0,
      confirmedFlagged: r.flagged && r.label === true ? 1 : 0,
    };
    add(t, one);
    add(total, one);
  }
  const base = { column, minCount };
  if (total.entities < minCount) {
    return {
      ...base,
      rows: [],
      overall: null,
      suppressedGroups: byGroup.size,
      note: `Fewer than ${minCount} entities in all: nothing is shown, to avoid re-identification.`,
    };
  }
  // largest first, ties by name, so the table and the suppression are deterministic
  const tallies = [...byGroup.values()].sort(
    (a, b) => b.entities - a.entities || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0),
  );
  const shown = tallies.filter((t) => t.entities >= minCount);
  const pooled = tallies.filter((t) => t.entities < minCount);
  const pooledSize = () => pooled.reduce((s, t) => s + t.entities, 0);
  while (pooled.length > 0 && (pooledSize() < minCount || pooled.length < 2) && shown.length > 0) {
    pooled.push(shown.pop() as Tally); // complementary suppression: the smallest shown group
  }
  const overallRate = total.flagged / total.entities;
  const out: FairnessRow[] = shown.map((t) => row(t, 'group', 1, overallRate));
  let note = `Groups with fewer than ${minCount} entities are not shown on their own.`;
  if (pooled.length > 0) {
    const pool = empty(`${pooled.length} groups pooled (small groups withheld)`);
    for (const t of pooled) add(pool, t);
    out.push(row(pool, 'pooled', pooled.length, overallRate));
    note +=
      ` ${pooled.length} groups are pooled into one row — each small group together with enough` +
      ' others that none can be recovered by subtracting the shown rows from the overall row.';
  }
  return {
    ...base,
    rows: out,
    overall: row(total, 'overall', byGroup.size, overallRate),
    suppressedGroups: pooled.length,
    note,
  };
}
