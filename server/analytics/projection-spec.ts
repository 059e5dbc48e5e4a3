// Which links each algorithm sees, with what weight, and what it does with hubs: the one place
// where that is declared. build-graph.ts turns a spec into the graphology graph the algorithm
// runs on. Weights are relative: only their ratios within one algorithm matter.
//
// Hub policy (hubs.ts decides what a hub is):
// - keep: hubs take part like any node;
// - damp: every link touching a hub is scaled by (median degree of the hub's label / the hub's
//   degree), so a hub carries as much weight in total as a typical node of its kind;
// - cut: links touching a hub are left out (the hub stays, isolated).
import { defaultExposureKindWeights } from './exposure.js';
import type { LinkKind } from './link-kinds.js';

export type HubPolicy = 'keep' | 'damp' | 'cut';

export interface AlgorithmSpec {
  description: string;
  links: Partial<Record<LinkKind, number>>;
  hubs: HubPolicy;
}

/** Every link between entities and resources, weight 1. */
const everyLink: Partial<Record<LinkKind, number>> = {
  EMPLOYED_BY: 1,
  WORKS_FOR_CLIENT: 1,
  DIRECTS: 1,
  LIVES_AT: 1,
  SEATED_AT: 1,
  HOUSEHOLD: 1,
  PERSON_HOLDS: 1,
  EMPLOYER_HOLDS: 1,
  PERSON_USES: 1,
  EMPLOYER_USES: 1,
  SUBCONTRACTS_TO: 1,
  IS: 1,
  CLAIM_PROCESSED_BY: 1,
  CLAIM_PAID_TO: 1,
  CLAIM_RESTS_ON: 1,
};

export const algorithmSpecs = {
  components: {
    description:
      'who is connected to whom at all; hubs cut, or one domiciliation address would join every company it hosts into one component',
    links: everyLink,
    hubs: 'cut',
  },
  louvain: {
    description:
      'communities of entities that share people and resources; directing a company and sharing an account or device weigh more than a job; hubs damped',
    links: {
      ...everyLink,
      DIRECTS: 2,
      PERSON_HOLDS: 2,
      EMPLOYER_HOLDS: 2,
      PERSON_USES: 2,
      EMPLOYER_USES: 2,
      CLAIM_PAID_TO: 2,
      CLAIM_PROCESSED_BY: 0.5,
      CLAIM_RESTS_ON: 0.5,
    },
    hubs: 'damp',
  },
  pagerank: {
    description:
      'centrality over every link; hubs kept: being central is what PageRank measures, and f_hub says which nodes are hubs',
    links: everyLink,
    hubs: 'keep',
  },
  exposure: {
    description:
      'the employer–resource network of GOTCHA! (directors, seats, workers, clients, accounts, contacts, residences, claims paid to shared accounts), weighted by kind and decayed by age in exposure.ts; hubs damped',
    links: defaultExposureKindWeights,
    hubs: 'damp',
  },
} as const satisfies Record<string, AlgorithmSpec>;

export type AlgorithmName = keyof typeof algorithmSpecs;
