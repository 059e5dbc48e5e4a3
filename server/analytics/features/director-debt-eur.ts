import type { Feature } from './feature.js';

export const directorDebtEurFeature: Feature = {
  name: 'f_director_debt_eur',
  entities: ['Person', 'Employer'],
  description: 'contribution debt left by the bankruptcies of f_director_bankruptcies',
  unit: 'euros',
  type: 'float',
  computed: 'summed on the projection: analytics/director-history.ts',
  value: (context, node) => context.directors.debtEur[node]!,
};
