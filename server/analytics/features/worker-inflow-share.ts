import type { QueryFeature } from './feature.js';

export const workerInflowShareFeature: QueryFeature = {
  name: 'f_worker_inflow_share',
  entities: ['Employer'],
  description:
    'f_worker_inflow_bankrupt over the workers whose job at the employer started by the as-of date (0 when none)',
  unit: 'share (0–1)',
  type: 'float',
  computed: 'Cypher in the database: cypher/analytics/features/employer-worker-inflow.cypher',
  queries: {
    Employer: 'analytics/features/employer-worker-inflow',
  },
};
