// The in-process engine: Louvain and PageRank on the graphology graph their spec asks for,
// built from the projection (build-graph.ts) and dropped after use; components by union–find
// straight from the projection (the same result, without building a graph).
import { buildWeightedGraph } from './build-graph.js';
import { componentsOfProjection } from './components.js';
import type { AnalysisEngine, EngineInput, EngineOptions, EngineSession } from './engine.js';
import { louvain } from './louvain.js';
import { pagerank } from './pagerank.js';
import { algorithmSpecs } from './projection-spec.js';

export class GraphologyEngine implements AnalysisEngine {
  readonly name = 'graphology';

  constructor(private readonly options: EngineOptions = {}) {}

  open({ projected, hubs }: EngineInput): Promise<EngineSession> {
    const { seed = 42, louvainRestarts } = this.options;
    const graphFor = (name: 'louvain' | 'pagerank') =>
      buildWeightedGraph(projected, algorithmSpecs[name], hubs);
    return Promise.resolve({
      // Union–find on the projection: the same components as graphology's on the built graph.
      components: () =>
        Promise.resolve(componentsOfProjection(projected, algorithmSpecs.components, hubs)),
      louvain: () =>
        Promise.resolve(
          louvain(graphFor('louvain'), {
            seed,
            ...(louvainRestarts !== undefined && { restarts: louvainRestarts }),
          }),
        ),
      pagerank: () => Promise.resolve(pagerank(graphFor('pagerank'))),
      close: () => Promise.resolve(),
    });
  }
}
