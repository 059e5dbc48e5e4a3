// Keys of a network view's nodes and edges, for tests on hand-made graphs whose ids all start
// with one prefix (server/views/*.test.ts): `k('Employer', 'E1')` is the node key of
// `<prefix>E1`, `e(source, type, target, disc)` an edge key as graph-rows.ts makes it.
import type { GraphView } from '../server/views/graph-shape.js';

export function viewKeys(prefix: string) {
  return {
    k: (label: string, id: string) => `${label}:${prefix}${id}`,
    e: (source: string, type: string, target: string, disc?: string) =>
      `${source}-${type}->${target}${disc ? `#${prefix}${disc}` : ''}`,
  };
}

export const nodeKeys = (view: GraphView) => view.nodes.map((n) => n.key).sort();
export const edgeKeys = (view: GraphView) => view.edges.map((x) => x.key).sort();
export const node = (view: GraphView, key: string) => view.nodes.find((n) => n.key === key);
