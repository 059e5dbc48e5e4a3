// The in-process engine: each algorithm on the graphology graph its spec asks for, built from
// the projection (build-graph.ts) and dropped after use.
import { buildWeightedGraph } from './build-graph.js';
import { components } from './components.js';
import type { AnalysisEngine, EngineInput, EngineOptions, EngineSession } from './engine.js';
import { louvain } from './louvain.js';
import { pagerank } from './pagerank.js';
import { algorithmSpecs } from './projection-spec.js';

export class GraphologyEngine implements AnalysisEngine {
  readonly name = 'graphology';

  constructor(private readonly options: EngineOptions = {}) {}

  open({ projected, hubs }: EngineInput): Promise<EngineSession> {
    const { seed = 42, louvainRestarts } = this.options;
    const graphFor = (name: 'components' | 'louvain' | 'pagerank') =>
      buildWeightedGraph(projected, algorithmSpecs[name], hubs);
    return Promise.resolve({
      components: () => Promise.resolve(components(graphFor('components'))),
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
