// The public reference graphs of ../shared/reference (README there): readers for its GML and
// LFR edge files into graphology, as the "undirected simple view" the reference figures were
// computed on (duplicate edges merged, self-loops removed). Node keys are the GML ids.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UndirectedGraph } from 'graphology';
import { z } from 'zod';
import { projectRoot } from '../server/paths.js';

export const referenceDir = path.resolve(projectRoot, '../shared/reference');

function simpleGraph(edges: Iterable<[string, string]>, nodes: Iterable<string> = []) {
  const graph = new UndirectedGraph();
  for (const node of nodes) graph.mergeNode(node);
  for (const [s, t] of edges) {
    if (s === t) continue;
    graph.mergeEdge(s, t);
  }
  return graph;
}

/** A GML file of graphs/: nodes by id, edges by source and target (other attributes ignored). */
export function readGml(name: string): UndirectedGraph {
  const text = readFileSync(path.join(referenceDir, 'graphs', `${name}.gml`), 'utf8');
  const tokens = text.match(/"[^"]*"|\[|\]|[^\s[\]]+/g) ?? [];
  const nodes: string[] = [];
  const edges: [string, string][] = [];
  let block: 'node' | 'edge' | undefined;
  let fields: Record<string, string> = {};
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '[') {
      depth++;
      if (depth === 2) {
        const key = tokens[i - 1];
        block = key === 'node' || key === 'edge' ? key : undefined;
        fields = {};
      }
    } else if (token === ']') {
      if (depth === 2 && block === 'node') nodes.push(fields.id!);
      if (depth === 2 && block === 'edge') edges.push([fields.source!, fields.target!]);
      depth--;
    } else if (depth === 2 && tokens[i + 1] !== undefined && tokens[i + 1] !== '[') {
      fields[token] = tokens[++i]!.replace(/^"|"$/g, '');
    }
  }
  return simpleGraph(edges, nodes);
}

/** An LFR graph of lfr/ (CRLF line ends, self-loops in the file). */
export function readLfr(file: string): UndirectedGraph {
  const lines = readFileSync(path.join(referenceDir, 'lfr', `${file}.edges.csv`), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '');
  return simpleGraph(lines.map((l) => l.split(',') as [string, string]));
}

const louvainRange = z.object({ modularity_min: z.number(), modularity_max: z.number() });

export const networkxReference = z
  .record(
    z.string(),
    z.looseObject({
      n: z.number().optional(),
      m: z.number().optional(),
      connected_components: z.number().optional(),
      'pagerank_alpha0.85': z.record(z.string(), z.number()).optional(),
      networkx_louvain_20_seeds: louvainRange.optional(),
    }),
  )
  .parse(
    JSON.parse(readFileSync(path.join(referenceDir, 'networkx_igraph_reference.json'), 'utf8')),
  );

export const lfrReference = z
  .array(
    z.looseObject({
      file: z.string(),
      m: z.number(),
      networkx_louvain_5_seeds: louvainRange,
    }),
  )
  .parse(JSON.parse(readFileSync(path.join(referenceDir, 'lfr', 'lfr_reference.json'), 'utf8')));

/** The reference entry of a GML graph (its key starts with the graph's name). */
export function referenceFor(name: string) {
  const entry = Object.entries(networkxReference).find(([key]) =>
    key.startsWith(`${name} (undirected simple view`),
  );
  if (!entry) throw new Error(`tests: no reference entry for ${name}`);
  return entry[1];
}
