// Expansion bookkeeping: which nodes and edges each load brought into the graph, so that
// collapsing an expansion removes what it added and nothing another load still holds. Every
// node and edge has a set of owners: `base` (the view first opened), an expansion of a node
// (`expand:KEY`), a page of a hub (`page:KEY:N`), a path search (`paths`). A node that a user
// expanded also remembers the hub pages loaded so far, so the next double-click asks for the
// next page.

export type Owner = string;

export const BASE: Owner = 'base';
export const PATHS: Owner = 'paths';
export const expandOwner = (key: string): Owner => `expand:${key}`;
export const pageOwner = (key: string, page: number): Owner => `page:${key}:${page}`;

export interface Dropped {
  nodes: string[];
  edges: string[];
}

export class ExpansionBook {
  private readonly nodeOwners = new Map<string, Set<Owner>>();
  private readonly edgeOwners = new Map<string, Set<Owner>>();
  /** Per expanded node: its owners (the expansion, its hub pages). */
  private readonly byAnchor = new Map<string, Set<Owner>>();
  private readonly pages = new Map<string, number>();

  /** Records that `owner` holds these nodes and edges (whether new or already in the graph). */
  record(owner: Owner, nodes: Iterable<string>, edges: Iterable<string>, anchor?: string): void {
    for (const key of nodes) add(this.nodeOwners, key, owner);
    for (const key of edges) add(this.edgeOwners, key, owner);
    if (anchor !== undefined) add(this.byAnchor, anchor, owner);
  }

  /** The next hub page to ask for, and records that it was asked. */
  nextPage(hub: string): number {
    const page = this.pages.get(hub) ?? 0;
    this.pages.set(hub, page + 1);
    return page;
  }

  /** Pages of a hub loaded so far. */
  pagesLoaded(hub: string): number {
    return this.pages.get(hub) ?? 0;
  }

  isExpanded(key: string): boolean {
    return (this.byAnchor.get(key)?.size ?? 0) > 0;
  }

  /**
   * Removes what the expansions of `anchor` (and its hub pages) added: the nodes and edges no
   * other owner holds. The anchor itself stays while another owner holds it.
   */
  collapse(anchor: string): Dropped {
    const owners = this.byAnchor.get(anchor);
    this.byAnchor.delete(anchor);
    this.pages.delete(anchor);
    if (!owners) return { nodes: [], edges: [] };
    const nodes = release(this.nodeOwners, owners).filter((key) => key !== anchor);
    if (!this.nodeOwners.has(anchor)) this.nodeOwners.set(anchor, new Set([BASE]));
    const edges = release(this.edgeOwners, owners);
    // Nodes dropped take their own expansions with them.
    for (const key of nodes) {
      if (this.byAnchor.has(key)) {
        const more = this.collapse(key);
        nodes.push(...more.nodes.filter((n) => !nodes.includes(n)));
        edges.push(...more.edges);
      }
    }
    return { nodes, edges };
  }

  /** Forgets a node (hidden or removed by the user). */
  forget(key: string): void {
    this.nodeOwners.delete(key);
    this.byAnchor.delete(key);
    this.pages.delete(key);
  }

  /** Drops an owner that holds nothing the user asked for (a path search replaced by another). */
  release(owner: Owner): Dropped {
    const owners = new Set([owner]);
    return { nodes: release(this.nodeOwners, owners), edges: release(this.edgeOwners, owners) };
  }

  clear(): void {
    this.nodeOwners.clear();
    this.edgeOwners.clear();
    this.byAnchor.clear();
    this.pages.clear();
  }
}

function add(map: Map<string, Set<Owner>>, key: string, owner: Owner): void {
  const set = map.get(key);
  if (set) set.add(owner);
  else map.set(key, new Set([owner]));
}

/** Takes the owners away from every key; returns the keys left without an owner (removed). */
function release(map: Map<string, Set<Owner>>, owners: ReadonlySet<Owner>): string[] {
  const orphans: string[] = [];
  for (const [key, set] of map) {
    let changed = false;
    for (const owner of owners) changed = set.delete(owner) || changed;
    if (changed && set.size === 0) {
      orphans.push(key);
      map.delete(key);
    }
  }
  return orphans;
}
