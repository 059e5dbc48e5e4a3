// The in-process engine: Louvain and PageRank on the typed-array graph their spec asks for,
// built from the projection (weighted-graph.ts) and dropped after use, run alongside the
// run's Neo4j work (steps.ts); components by union–find straight from the projection
// (components.ts).
import { componentsOfProjection } from './components.js';
import type { AnalysisEngine, EngineInput, EngineOptions, EngineSession } from './engine.js';
import { louvainSteps } from './louvain.js';
import { pagerankSteps } from './pagerank.js';
import { algorithmSpecs } from './projection-spec.js';
import { runAlongside } from './steps.js';
import { weightedGraphOfProjection } from './weighted-graph.js';

export class InProcessEngine implements AnalysisEngine {
  readonly name = 'in-process';

  constructor(private readonly options: EngineOptions = {}) {}

  open({ projected, hubs }: EngineInput): Promise<EngineSession> {
    const { seed = 42, louvainRestarts } = this.options;
    const graphFor = (name: 'louvain' | 'pagerank') =>
      weightedGraphOfProjection(projected, algorithmSpecs[name], hubs);
    return Promise.resolve({
      components: () =>
        Promise.resolve(componentsOfProjection(projected, algorithmSpecs.components, hubs)),
      louvain: () =>
        runAlongside(
          louvainSteps(graphFor('louvain'), {
            seed,
            ...(louvainRestarts !== undefined && { restarts: louvainRestarts }),
          }),
        ),
      pagerank: () => runAlongside(pagerankSteps(graphFor('pagerank'))),
      close: () => Promise.resolve(),
    });
  }
}
