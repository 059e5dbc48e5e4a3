// Bands from inspection capacity (MiningWatch's red, orange, green, blue): red is the top of the
// ranking the inspectorate can actually inspect, orange the next slice, green the next; the rest
// is blue. Ties are broken by id so the capacity is met exactly and the result is reproducible.
// With groups (sector, region), each group is ranked on its own and gets the capacity in
// proportion to its size (largest remainder), because inspectors pick a sector and a region.
import type { Capacity } from './scoring-config.js';

export const bands = ['red', 'orange', 'green', 'blue'] as const;
export type Band = (typeof bands)[number];

export interface BandCapacity {
  red: Capacity;
  orange: Capacity;
  green: Capacity;
}

/** Entities a capacity covers among `size` (of `total` when a count is shared out). */
export function capacityCount(capacity: Capacity, size: number): number {
  if (typeof capacity === 'number') return Math.min(capacity, size);
  return Math.min(size, Math.round((size * Number.parseFloat(capacity)) / 100));
}

/** Shares `count` out over groups in proportion to their sizes (largest remainder). */
export function apportion(count: number, sizes: readonly number[]): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total === 0) return sizes.map(() => 0);
  const exact = sizes.map((s) => (count * s) / total);
  const out = exact.map(Math.floor);
  let left = count - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, r: e - Math.floor(e) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]!++;
    left--;
  }
  return out;
}

export interface BandResult {
  band: Band[];
  /** 1-based rank within the entity's scope (its group, or everyone). */
  rank: Int32Array;
  /** Scope of each entity's band: `all`, or e.g. `sector=F|region=PT11`. */
  scope: string[];
  /** Per scope: how many in each band and the lowest score that made red, orange and green. */
  scopes: Map<
    string,
    { size: number; counts: Record<Band, number>; cutoffs: Record<Band, number | null> }
  >;
}

export function assignBands(
  scores: Float64Array,
  ids: readonly string[],
  capacity: BandCapacity,
  groups?: readonly string[],
): BandResult {
  const n = scores.length;
  const scopeOf = groups ?? Array.from({ length: n }, () => 'all');
  const members = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = scopeOf[i]!;
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  }
  const keys = [...members.keys()].sort();
  const sizes = keys.map((k) => members.get(k)!.length);
  const share = (c: Capacity) =>
    typeof c === 'number' && groups ? apportion(c, sizes) : sizes.map((s) => capacityCount(c, s));
  const red = share(capacity.red);
  const orange = share(capacity.orange);
  const green = share(capacity.green);

  const band: Band[] = new Array<Band>(n).fill('blue');
  const rank = new Int32Array(n);
  const scopes: BandResult['scopes'] = new Map();
  keys.forEach((key, g) => {
    const rows = members.get(key)!;
    rows.sort(
      (a, b) => scores[b]! - scores[a]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0),
    );
    const limits = [red[g]!, red[g]! + orange[g]!, red[g]! + orange[g]! + green[g]!];
    const counts: Record<Band, number> = { red: 0, orange: 0, green: 0, blue: 0 };
    const cutoffs: Record<Band, number | null> = {
      red: null,
      orange: null,
      green: null,
      blue: null,
    };
    rows.forEach((row, position) => {
      const b: Band =
        position < limits[0]!
          ? 'red'
          : position < limits[1]!
            ? 'orange'
            : position < limits[2]!
              ? 'green'
              : 'blue';
      band[row] = b;
      rank[row] = position + 1;
      counts[b]++;
      cutoffs[b] = scores[row]!;
    });
    scopes.set(key, { size: rows.length, counts, cutoffs });
  });
  return { band, rank, scope: [...scopeOf], scopes };
}
