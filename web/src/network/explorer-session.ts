// What the explorer holds between clicks: the graph, what each load added (expansions.ts), the
// server's notes per load, the community shown, and the highlighted path. Loads go through a
// Loader (the HTTP API in the page, a fake in tests), so this file has no DOM and no fetch.
import {
  BASE,
  ExpansionBook,
  PATHS,
  expandOwner,
  pageOwner,
  type Dropped,
  type Owner,
} from './expansions.js';
import { mergeView, type ExplorerGraph, type Merged } from './graph-model.js';
import type { CommunityView, GraphView, PathsView } from './graph-types.js';
import { placeView } from './layout.js';

export interface Loader {
  neighbourhood(keys: string[], options: { depth: number; cap: number }): Promise<GraphView>;
  hubPage(key: string, page: number): Promise<GraphView>;
  community(id: string, limit: number): Promise<CommunityView>;
  paths(from: string, to: string): Promise<PathsView>;
}

export type Source =
  | { kind: 'nodes'; keys: string[]; depth: number; cap: number }
  | { kind: 'community'; id: string; limit: number };

export interface PathHighlight {
  from: string;
  to: string;
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** Paths found, and relations on each. */
  count: number;
  length: number;
}

/** The most nodes the page draws; the API's views are smaller, expansions add up. */
export const MAX_DRAWN_NODES = 5000;

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export class ExplorerSession {
  readonly book = new ExpansionBook();
  private readonly notes = new Map<Owner, string[]>();
  community: CommunityView['community'] | null = null;
  starts: string[] = [];
  path: PathHighlight | null = null;

  constructor(
    readonly graph: ExplorerGraph,
    private readonly loader: Loader,
    private readonly maxNodes = MAX_DRAWN_NODES,
  ) {}

  /** Opens a new view in place of the old one. */
  async open(source: Source): Promise<string> {
    const view =
      source.kind === 'nodes'
        ? await this.loader.neighbourhood(source.keys, source)
        : await this.loader.community(source.id, source.limit);
    this.graph.clear();
    this.book.clear();
    this.notes.clear();
    this.path = null;
    this.community = 'community' in view ? (view as CommunityView).community : null;
    this.starts =
      source.kind === 'nodes' ? source.keys.filter((k) => view.nodes.some((n) => n.key === k)) : [];
    const merged = this.merge(BASE, view, null);
    if (view.nodes.length === 0) {
      return source.kind === 'nodes'
        ? 'Nothing found for these nodes (unknown ids, or not visible to your role).'
        : 'This community has no members you may see.';
    }
    return `Opened ${plural(merged.nodes.length, 'node')} and ${plural(merged.edges.length, 'relation')}.`;
  }

  /**
   * Expands a node: a collapsed hub gives its next page of neighbours, any other node its
   * neighbourhood (once).
   */
  async expand(key: string): Promise<string> {
    if (!this.graph.hasNode(key)) return `${key} is not in the view.`;
    const collapsed = this.graph.getNodeAttribute(key, 'collapsed');
    if (collapsed && collapsed.count > 0) {
      const page = this.book.nextPage(key);
      const view = await this.loader.hubPage(key, page);
      const merged = this.merge(pageOwner(key, page), view, key);
      const left = this.graph.getNodeAttribute(key, 'collapsed')?.count ?? 0;
      return `Page ${page + 1} of ${this.name(key)}: ${plural(merged.addedNodes.length, 'node')} added${left > 0 ? `, ${left.toLocaleString('en')} more behind it (expand again for the next page)` : ', none left behind it'}.`;
    }
    if (this.book.isExpanded(key)) return `${this.name(key)} is already expanded.`;
    const view = await this.loader.neighbourhood([key], { depth: 1, cap: 25 });
    const merged = this.merge(expandOwner(key), view, key);
    return merged.addedNodes.length > 0
      ? `Expanded ${this.name(key)}: ${plural(merged.addedNodes.length, 'node')} and ${plural(merged.addedEdges.length, 'relation')} added.`
      : `Expanded ${this.name(key)}: no neighbours beyond those shown.`;
  }

  /** Removes what the expansions of a node added (and the hub pages loaded). */
  collapse(key: string): Dropped {
    const dropped = this.book.collapse(key);
    this.drop(dropped);
    for (const owner of [...this.notes.keys()]) {
      if (owner === expandOwner(key) || owner.startsWith(`page:${key}:`)) this.notes.delete(owner);
    }
    return dropped;
  }

  /** Takes nodes out of the graph for good (the user removed them). */
  remove(keys: Iterable<string>): void {
    for (const key of keys) {
      this.book.forget(key);
      if (this.graph.hasNode(key)) this.graph.dropNode(key);
    }
  }

  async findPaths(from: string, to: string): Promise<string> {
    this.clearPath();
    const view = await this.loader.paths(from, to);
    const merged = this.merge(PATHS, view, null);
    const nodes = new Set(view.paths.flat().filter((k) => this.graph.hasNode(k)));
    const edges = new Set(merged.edges);
    const length = view.paths[0] ? view.paths[0].length - 1 : 0;
    this.path = { from, to, nodes, edges, count: view.paths.length, length };
    if (view.paths.length === 0)
      return `No path found between ${this.name(from)} and ${this.name(to)}.`;
    return `${plural(view.paths.length, 'shortest path')} of ${plural(length, 'relation')} between ${this.name(from)} and ${this.name(to)}, highlighted.`;
  }

  /** Drops the path's highlight, and the nodes only the path search brought. */
  clearPath(): void {
    if (!this.path) return;
    this.path = null;
    this.drop(this.book.release(PATHS));
    this.notes.delete(PATHS);
  }

  /** Every note standing: the server's, per load, and the explorer's own. */
  allNotes(): string[] {
    return [...new Set([...this.notes.values()].flat())];
  }

  name(key: string): string {
    return this.graph.hasNode(key) ? this.graph.getNodeAttribute(key, 'name') : key;
  }

  private merge(owner: Owner, view: GraphView, anchor: string | null): Merged {
    const starts = anchor ? [anchor] : owner === BASE ? this.starts : [];
    const place = placeView(this.graph, view, { starts });
    const merged = mergeView(this.graph, view, { place, maxNodes: this.maxNodes });
    this.book.record(owner, merged.nodes, merged.edges, anchor ?? undefined);
    const notes = [...view.notes];
    if (merged.leftOut > 0) {
      notes.push(
        `the explorer draws at most ${this.maxNodes.toLocaleString('en')} nodes: ${plural(merged.leftOut, 'node')} of the lowest risk were not drawn; collapse or hide some to make room`,
      );
    }
    if (notes.length > 0) this.notes.set(owner, notes);
    else this.notes.delete(owner);
    return merged;
  }

  private drop({ nodes, edges }: Dropped): void {
    for (const key of edges) if (this.graph.hasEdge(key)) this.graph.dropEdge(key);
    for (const key of nodes) if (this.graph.hasNode(key)) this.graph.dropNode(key);
  }
}
