import { queryFeature, type QueryFeature } from './feature.js';

export const shellSubcontractorsFeature: QueryFeature = queryFeature({
  name: 'f_shell_subcontractors',
  description:
    'subcontractors reachable downstream in at most 3 subcontracting hops that are bankrupt or liquidated with contribution debt, or were founded less than 2 years before the subcontract started',
  unit: 'employers',
  type: 'int',
  queries: {
    Employer: 'analytics/features/employer-shell-subcontractors',
  },
});
