// "Select community": the nodes that belong together with the selection. A Community node
// selected gives its members (IN_COMMUNITY); a community view with nothing selected gives all
// its entities; otherwise the Louvain community, within the drawn graph, of the selected nodes.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { entityTypeOf } from './graph-types.js';
import type { ExplorerGraph } from './graph-model.js';
import { seededRandom } from './random.js';
import { visibleEdges, type Display } from './reducers.js';

export interface CommunitySelection {
  keys: string[];
  how: string;
}

export function selectCommunity(
  graph: ExplorerGraph,
  display: Display,
  communityView: string | null,
): CommunitySelection {
  const seeds = [...display.selected].filter((k) => graph.hasNode(k));
  const isEntity = (key: string) => entityTypeOf(graph.getNodeAttribute(key, 'nodeType')) !== null;
  const shown = (key: string) => !display.hidden.has(key);

  const communities = seeds.filter((k) => graph.getNodeAttribute(k, 'nodeType') === 'Community');
  if (communities.length > 0) {
    const members = new Set<string>();
    for (const c of communities) {
      graph.forEachInEdge(c, (_, a, source) => {
        if (a.relType === 'IN_COMMUNITY' && shown(source)) members.add(source);
      });
    }
    return {
      keys: [...members],
      how: `members of ${communities.map((c) => graph.getNodeAttribute(c, 'name')).join(', ')}`,
    };
  }
  if (seeds.length === 0) {
    if (communityView === null) return { keys: [], how: 'select a node first' };
    return {
      keys: graph.filterNodes((k) => shown(k) && isEntity(k)),
      how: `the entities of community ${communityView}`,
    };
  }
  const simple = new Graph({ type: 'undirected', multi: false });
  graph.forEachNode((key) => {
    if (shown(key)) simple.addNode(key);
  });
  for (const key of visibleEdges(graph, display)) {
    simple.mergeEdge(graph.source(key), graph.target(key));
  }
  const membership = louvain(simple, { rng: seededRandom(7) });
  const wanted = new Set(seeds.map((k) => membership[k]));
  return {
    keys: simple.filterNodes((k) => wanted.has(membership[k])),
    how: 'the group the selection belongs to in the drawn graph (Louvain)',
  };
}
