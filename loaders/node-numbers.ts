// The ids a load has seen, per node label, each with a number: what neo4j-admin's bulk import
// takes as the nodes' own ids (`--id-type=actual`), which spares it the mapping from string ids
// that cost most of its time (bench/load.ts). A label's numbers count up from where its range
// starts (0 unless told), in the order ids are first added; the bulk import gives each node file
// a range of its own, in file order, so the node files list ascending numbers however their
// staging threads interleave. The dry run and the bulk import check references here too.
import { IdMap, type SharedIdMap } from './id-map.js';

interface LabelIds {
  map: IdMap;
  /** The next number to give; undefined for the ids of another thread (read-only). */
  next: number | undefined;
}

export class NodeNumbers {
  private readonly byLabel = new Map<string, LabelIds>();

  /**
   * Numbers of `label` start at `first`; call before its first id is added. `capacity`: how many
   * ids to make room for at once (the table grows past it if need be).
   */
  startAt(label: string, first: number, capacity?: number): void {
    if (this.byLabel.has(label)) throw new Error(`NodeNumbers: ${label} has numbers already`);
    this.byLabel.set(label, { map: new IdMap(capacity), next: first });
  }

  /** The number of `id` under `label`, given now if the id is new. */
  add(label: string, id: string): number {
    const ids = this.numbering(label);
    const next = ids.next;
    const number = ids.map.add(id, next);
    if (number === next) ids.next = next + 1;
    return number;
  }

  /** A new number under `label` for a node no other row names (its id is not kept). */
  fresh(label: string): number {
    const ids = this.numbering(label);
    const next = ids.next;
    ids.next = next + 1;
    return next;
  }

  /** The number of `id` under `label`, if it was added. */
  get(label: string, id: string): number | undefined {
    return this.byLabel.get(label)?.map.get(id);
  }

  has(label: string, id: string): boolean {
    return this.get(label, id) !== undefined;
  }

  /** The ids of `label` in shared memory, for the threads that check references to them. */
  share(label: string): SharedIdMap | undefined {
    return this.byLabel.get(label)?.map.share();
  }

  /** Takes the ids of `label` another thread shared (read-only here). */
  adopt(label: string, shared: SharedIdMap): void {
    this.byLabel.set(label, { map: IdMap.fromShared(shared), next: undefined });
  }

  /** The ids this instance numbers under `label` (from 0 unless a range was given). */
  private numbering(label: string): LabelIds & { next: number } {
    let ids = this.byLabel.get(label);
    if (!ids) this.byLabel.set(label, (ids = { map: new IdMap(), next: 0 }));
    if (ids.next === undefined)
      throw new Error(`NodeNumbers: the ${label} ids come from another thread and are read-only`);
    return ids as LabelIds & { next: number };
  }
}
