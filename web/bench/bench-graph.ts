// A generated community for the network bench, in the API's GraphView shape: clusters of about
// fifty nodes (persons, employers, addresses, accounts) linked mostly inside their cluster,
// scores skewed low, relations with dates. Positions are not part of it (the explorer places).
import { seededRandom } from '../src/network/random.js';
import type { GraphEdge, GraphNode, GraphView, NodeType } from '../src/network/graph-types.js';

const types: [NodeType, number][] = [
  ['Person', 0.7],
  ['Employer', 0.15],
  ['Address', 0.1],
  ['Account', 0.05],
];

export function benchView(nodes: number, edges: number, seed = 7): GraphView {
  const random = seededRandom(seed);
  const cluster = 50;
  const out: GraphView = { nodes: [], edges: [], notes: [], truncated: false };
  for (let i = 0; i < nodes; i++) {
    let pick = random();
    const type = types.find(([, share]) => (pick -= share) < 0)?.[0] ?? 'Person';
    const entity = type === 'Person' || type === 'Employer';
    const score = entity ? random() ** 3 : null;
    const band: GraphNode['band'] =
      score === null
        ? null
        : score > 0.6
          ? 'red'
          : score > 0.35
            ? 'orange'
            : score > 0.15
              ? 'green'
              : 'blue';
    out.nodes.push({
      key: `${type}:B${i}`,
      type,
      id: `B${i}`,
      label: `${type[0]}${i}`,
      score,
      band,
      attributes: {},
    });
  }
  const seen = new Set<string>();
  while (out.edges.length < edges) {
    const a = Math.floor(random() * nodes);
    const b =
      random() < 0.9
        ? Math.min(nodes - 1, Math.floor(a / cluster) * cluster + Math.floor(random() * cluster))
        : Math.floor(random() * nodes);
    if (a === b || seen.has(`${a}-${b}`)) continue;
    seen.add(`${a}-${b}`);
    const year = 2010 + Math.floor(random() * 15);
    const edge: GraphEdge = {
      key: `R${out.edges.length}`,
      source: out.nodes[a]!.key,
      target: out.nodes[b]!.key,
      type: 'EMPLOYED_BY',
      start: `${year}-01-01`,
      end: random() < 0.5 ? `${year + 1 + Math.floor(random() * 5)}-06-30` : null,
      attributes: {},
    };
    out.edges.push(edge);
  }
  return out;
}
