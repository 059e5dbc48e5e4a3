import type { Feature } from './feature.js';

export const directorBankruptciesFeature: Feature = {
  name: 'f_director_bankruptcies',
  entities: ['Person', 'Employer'],
  description:
    'companies directed by the person (for an employer: the other companies directed by its directors) that went bankrupt or into liquidation with contribution debt within the 3 years before the as-of date',
  unit: 'employers',
  type: 'int',
  computed: 'counted on the projection: analytics/director-history.ts',
  value: (context, node) => context.directors.bankruptcies[node]!,
};
