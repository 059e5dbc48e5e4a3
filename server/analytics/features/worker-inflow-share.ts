import { queryFeature, type QueryFeature } from './feature.js';

export const workerInflowShareFeature: QueryFeature = queryFeature({
  name: 'f_worker_inflow_share',
  description:
    'f_worker_inflow_bankrupt over the workers whose job at the employer started by the as-of date (0 when none)',
  unit: 'share (0–1)',
  type: 'float',
  queries: {
    Employer: 'analytics/features/employer-worker-inflow',
  },
});
