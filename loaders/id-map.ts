// An exact map from identifier to a whole number, compact enough for a national load: the ids'
// characters sit one byte each in one growing buffer and the table is four typed arrays (13
// bytes a slot) filled up to three quarters: 17–35 bytes an id, and its characters, where a
// Map<string, number> costs about 100 (the 1 M-person set checks 8 M ids; bench/load.ts prints
// the loader's RSS). Contract identifiers are ASCII by their pattern
// (contract/cells.ts); any other key is kept apart in an ordinary Map. No library offers an
// exact string map in typed arrays, so this is written here.

const EMPTY = 0;

/** An IdMap's contents in shared memory: another thread reads it without a copy. */
export interface SharedIdMap {
  arena: Uint8Array;
  offsets: Int32Array;
  hashes: Int32Array;
  values: Uint32Array;
  lengths: Uint8Array;
  count: number;
  others: [string, number][];
}

function shared<T extends Int32Array | Uint32Array | Uint8Array>(
  make: (buffer: SharedArrayBuffer) => T,
  source: Int32Array | Uint32Array | Uint8Array,
  length = source.length,
): T {
  const copy = make(new SharedArrayBuffer(length * source.BYTES_PER_ELEMENT));
  copy.set(source.subarray(0, length));
  return copy;
}

export class IdMap {
  private arena: Buffer<ArrayBufferLike> = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** Per slot: 1 + the key's offset in the arena (0 = empty). */
  private offsets: Int32Array;
  private hashes: Int32Array;
  private values: Uint32Array;
  private lengths: Uint8Array;
  private count = 0;
  private readonly others = new Map<string, number>();
  /** A map read from shared memory: another thread may be reading it too. */
  private frozen = false;

  constructor(capacity = 1 << 12) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, Math.ceil((capacity * 4) / 3))));
    this.offsets = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.values = new Uint32Array(size);
    this.lengths = new Uint8Array(size);
  }

  /** A read-only view of a map another thread shared. */
  static fromShared(data: SharedIdMap): IdMap {
    const map = new IdMap(1);
    map.arena = Buffer.from(data.arena.buffer, data.arena.byteOffset, data.arena.length);
    map.used = data.arena.length;
    map.offsets = data.offsets;
    map.hashes = data.hashes;
    map.values = data.values;
    map.lengths = data.lengths;
    map.count = data.count;
    for (const [key, value] of data.others) map.others.set(key, value);
    map.frozen = true;
    return map;
  }

  /** A copy in shared memory, to hand to other threads. */
  share(): SharedIdMap {
    return {
      arena: shared((b) => new Uint8Array(b), this.arena, this.used),
      offsets: shared((b) => new Int32Array(b), this.offsets),
      hashes: shared((b) => new Int32Array(b), this.hashes),
      values: shared((b) => new Uint32Array(b), this.values),
      lengths: shared((b) => new Uint8Array(b), this.lengths),
      count: this.count,
      others: [...this.others],
    };
  }

  get size(): number {
    return this.count + this.others.size;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get(key: string): number | undefined {
    if (!compact(key)) return this.others.get(key);
    const slot = this.find(key, hash(key));
    return this.offsets[slot] === EMPTY ? undefined : this.values[slot];
  }

  /** The value of `key`, which gets `value` first if it had none. */
  add(key: string, value: number): number {
    const before = this.get(key);
    if (before !== undefined) return before;
    this.set(key, value);
    return value;
  }

  /** Sets the value of `key`; returns the value it had, if any. */
  set(key: string, value: number): number | undefined {
    if (this.frozen) throw new Error('IdMap: a shared map is read-only');
    if (!compact(key)) {
      const before = this.others.get(key);
      this.others.set(key, value);
      return before;
    }
    // Filled to three quarters, not half: 13 bytes a slot, and the 1.1 M accounts of the
    // 1 M-person set fit in 2 M slots rather than 4 M. The stored hashes keep probes cheap.
    if ((this.count + 1) * 4 > this.offsets.length * 3) this.grow();
    const h = hash(key);
    const slot = this.find(key, h);
    if (this.offsets[slot] !== EMPTY) {
      const before = this.values[slot];
      this.values[slot] = value;
      return before;
    }
    if (this.used + key.length > this.arena.length) {
      // Grown by half, not doubled: the arena of the 1 M-person set's 2 M contact ids is 45 MB.
      const bigger = Buffer.allocUnsafe(
        Math.max(Math.ceil(this.arena.length * 1.5), this.used + key.length),
      );
      this.arena.copy(bigger, 0, 0, this.used);
      this.arena = bigger;
    }
    this.arena.write(key, this.used, 'latin1');
    this.offsets[slot] = this.used + 1;
    this.lengths[slot] = key.length;
    this.hashes[slot] = h;
    this.values[slot] = value;
    this.used += key.length;
    this.count += 1;
    return undefined;
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private find(key: string, h: number): number {
    const mask = this.offsets.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const offset = this.offsets[slot] ?? EMPTY;
      if (offset === EMPTY) return slot;
      if (
        this.hashes[slot] === h &&
        this.lengths[slot] === key.length &&
        this.equals(offset - 1, key)
      )
        return slot;
    }
  }

  private equals(offset: number, key: string): boolean {
    for (let i = 0; i < key.length; i++) {
      if (this.arena[offset + i] !== key.charCodeAt(i)) return false;
    }
    return true;
  }

  private grow(): void {
    const { offsets, hashes, values, lengths } = this;
    const size = offsets.length * 2;
    this.offsets = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.values = new Uint32Array(size);
    this.lengths = new Uint8Array(size);
    const mask = size - 1;
    for (let i = 0; i < offsets.length; i++) {
      if (offsets[i] === EMPTY) continue;
      let slot = (hashes[i] ?? 0) & mask;
      while (this.offsets[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.offsets[slot] = offsets[i] ?? EMPTY;
      this.hashes[slot] = hashes[i] ?? 0;
      this.values[slot] = values[i] ?? 0;
      this.lengths[slot] = lengths[i] ?? 0;
    }
  }
}

/** An id the arena can hold: 1–255 ASCII characters. */
function compact(key: string): boolean {
  if (key.length === 0 || key.length > 255) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** FNV-1a over the characters, with a final mix. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}
