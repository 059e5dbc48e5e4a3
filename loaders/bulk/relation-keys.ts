// The keys the Cypher load MERGEs relations on — the two end nodes and, for relations without
// an id of their own, a key such as the start date — as numbers, so the bulk staging can fold
// repeated relations the way MERGE does (staged-csv.ts). The ends are node numbers already, and
// the few distinct key strings get numbers of their own, so a key is three 32-bit numbers kept
// in one typed array, 16 bytes a slot and no characters: the 1 M-person set's 2.27 M contact
// uses take 64 MB, where their keys as strings took 140 MB in an IdMap (88 MB had it been filled
// to three quarters). No library offers an exact hash set of integer triples in typed arrays,
// so it is written here.
import { mix32 } from '../../fixtures/rng.js';
import { IdMap } from '../id-map.js';

/** What a relationship table folds its rows on: its ends (as an unordered pair or not) and a
 * key column, if it has one. */
export interface RelationFold {
  unordered: boolean;
  keyColumn: number | undefined;
}

/** Per slot: from, to, key number, 1 + row (0: empty). */
const STRIDE = 4;

export class RelationKeys {
  private slots: Uint32Array;
  private count = 0;
  /** Key strings and their numbers (from 1; 0 is "no key"). */
  private readonly keyNumbers = new IdMap(64);

  constructor(
    private readonly unordered: boolean,
    capacity = 1 << 12,
  ) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, Math.ceil((capacity * 4) / 3))));
    this.slots = new Uint32Array(size * STRIDE);
  }

  get size(): number {
    return this.count;
  }

  /**
   * Records that row `row` has the key (from, to, key); returns the row that had it before, if
   * any (the caller drops that row: the last one wins, as with MERGE … SET).
   */
  set(from: number, to: number, key: string | undefined, row: number): number | undefined {
    // Rows are stored plus one (0 marks an empty slot), so the last 32-bit number is not one.
    if (!isUint32(from) || !isUint32(to) || !isUint32(row) || row === 0xffffffff)
      throw new Error(`RelationKeys: ${from}, ${to} and row ${row} must be 32-bit whole numbers`);
    if (this.unordered && to < from) [from, to] = [to, from];
    const k = key === undefined ? 0 : this.keyNumbers.add(key, this.keyNumbers.size + 1);
    if ((this.count + 1) * 4 > (this.slots.length / STRIDE) * 3) this.grow();
    const at = this.find(from, to, k);
    const before = this.slots[at + 3]!;
    this.slots[at + 3] = row + 1;
    if (before !== 0) return before - 1;
    this.slots[at] = from;
    this.slots[at + 1] = to;
    this.slots[at + 2] = k;
    this.count += 1;
    return undefined;
  }

  /** The index in `slots` of the key's slot, or of the empty slot where it would go. */
  private find(from: number, to: number, k: number): number {
    const { slots } = this;
    const mask = slots.length / STRIDE - 1;
    for (let slot = hash(from, to, k) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      if (slots[at + 3] === 0) return at;
      if (slots[at] === from && slots[at + 1] === to && slots[at + 2] === k) return at;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at + 3] === 0) continue;
      const to = this.find(old[at]!, old[at + 1]!, old[at + 2]!);
      for (let i = 0; i < STRIDE; i++) this.slots[to + i] = old[at + i]!;
    }
  }
}

function isUint32(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
}

/** The three numbers mixed in turn by murmur3's finaliser. */
function hash(a: number, b: number, c: number): number {
  return mix32(mix32(mix32(a) ^ b) ^ c);
}
