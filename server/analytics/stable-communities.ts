// Community ids kept stable across runs. Louvain numbers its communities anew on every run;
// an inspector who followed "community C12" last month must find it under the same id today.
// Each new community is matched to a community of the previous run by member overlap
// (the "community matching" of D. Greene, D. Doyle, P. Cunningham, "Tracking the evolution of
// communities in dynamic social networks", ASONAM 2010, with a greedy one-to-one assignment):
// candidate pairs are taken in decreasing overlap, and a pair is matched when neither side is
// matched yet and the shared members are a majority of the new community or of the old one
// (`minShare`, default 0.5). Unmatched new communities get fresh ids, numbered after the
// highest id of the previous run, in decreasing size.
export interface StableIdOptions {
  /** Share of the new or the old community's members that must be shared (default 0.5). */
  minShare?: number;
  /** Prefix of the ids (default 'C'): ids are `${prefix}${n}`. */
  prefix?: string;
}

export interface StableIdResult {
  /** New community number → id. */
  ids: Map<number, string>;
  matched: number;
  created: number;
}

/**
 * @param partition member → community number of this run (only the members that carry a
 *   community: the caller decides which nodes count)
 * @param previous member → community id of the previous run
 */
export function stableCommunityIds(
  partition: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, string>,
  options: StableIdOptions = {},
): StableIdResult {
  const minShare = options.minShare ?? 0.5;
  const prefix = options.prefix ?? 'C';
  const newSize = new Map<number, number>();
  const newFirst = new Map<number, string>();
  for (const [member, c] of partition) {
    newSize.set(c, (newSize.get(c) ?? 0) + 1);
    const first = newFirst.get(c);
    if (first === undefined || member < first) newFirst.set(c, member);
  }
  const oldSize = new Map<string, number>();
  for (const id of previous.values()) oldSize.set(id, (oldSize.get(id) ?? 0) + 1);

  const overlap = new Map<number, Map<string, number>>();
  for (const [member, c] of partition) {
    const old = previous.get(member);
    if (old === undefined) continue;
    let row = overlap.get(c);
    if (!row) overlap.set(c, (row = new Map<string, number>()));
    row.set(old, (row.get(old) ?? 0) + 1);
  }
  const pairs: { c: number; old: string; shared: number }[] = [];
  for (const [c, row] of overlap) {
    for (const [old, shared] of row) {
      if (shared > minShare * newSize.get(c)! || shared > minShare * oldSize.get(old)!) {
        pairs.push({ c, old, shared });
      }
    }
  }
  pairs.sort((a, b) => b.shared - a.shared || a.c - b.c || (a.old < b.old ? -1 : 1));

  const ids = new Map<number, string>();
  const taken = new Set<string>();
  for (const { c, old } of pairs) {
    if (ids.has(c) || taken.has(old)) continue;
    ids.set(c, old);
    taken.add(old);
  }
  const matched = ids.size;

  let next = 1;
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)$`);
  for (const id of oldSize.keys()) {
    const m = pattern.exec(id);
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  const fresh = [...newSize.keys()]
    .filter((c) => !ids.has(c))
    .sort(
      (a, b) => newSize.get(b)! - newSize.get(a)! || (newFirst.get(a)! < newFirst.get(b)! ? -1 : 1),
    );
  for (const c of fresh) ids.set(c, `${prefix}${next++}`);
  return { ids, matched, created: fresh.length };
}
