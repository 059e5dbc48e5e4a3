import type { QueryFeature } from './feature.js';

export const shellSubcontractorsFeature: QueryFeature = {
  name: 'f_shell_subcontractors',
  entities: ['Employer'],
  description:
    'subcontractors reachable downstream in at most 3 subcontracting hops that are bankrupt or liquidated with contribution debt, or were founded less than 2 years before the subcontract started',
  unit: 'employers',
  type: 'int',
  computed:
    'Cypher in the database: cypher/analytics/features/employer-shell-subcontractors.cypher',
  queries: {
    Employer: 'analytics/features/employer-shell-subcontractors',
  },
};
