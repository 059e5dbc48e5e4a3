// The ids a load has seen, per node label, each with a number. Numbers count up from 0 over all
// labels in the order ids are first added, so the nodes of a data set read file by file get
// one dense, ascending range: what neo4j-admin's bulk import takes as the nodes' own ids
// (`--id-type=actual`), which spares it the mapping from string ids that cost most of its time
// (bench/load.ts). The dry run and the bulk import check references against the same sets.
import { IdMap } from './id-map.js';

export class NodeNumbers {
  private readonly byLabel = new Map<string, IdMap>();
  private next = 0;

  /** How many numbers were given. */
  get count(): number {
    return this.next;
  }

  /** The number of `id` under `label`, given now if the id is new. */
  add(label: string, id: string): number {
    const number = this.map(label).add(id, this.next);
    if (number === this.next) this.next += 1;
    return number;
  }

  /** The number of `id` under `label`, if it was added. */
  get(label: string, id: string): number | undefined {
    return this.byLabel.get(label)?.get(id);
  }

  has(label: string, id: string): boolean {
    return this.get(label, id) !== undefined;
  }

  private map(label: string): IdMap {
    let map = this.byLabel.get(label);
    if (!map) this.byLabel.set(label, (map = new IdMap()));
    return map;
  }
}
