import type { Feature } from './feature.js';

export const directorCompaniesFeature: Feature = {
  name: 'f_director_companies',
  entities: ['Employer'],
  description:
    'other employers directed (any role) by the employer’s directors; hub persons left out',
  unit: 'employers',
  type: 'int',
  computed: 'counted on the projection: analytics/director-history.ts',
  value: (context, node) => context.directors.companies[node]!,
};
