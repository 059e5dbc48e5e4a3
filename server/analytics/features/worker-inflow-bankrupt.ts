import { queryFeature, type QueryFeature } from './feature.js';

export const workerInflowBankruptFeature: QueryFeature = queryFeature({
  name: 'f_worker_inflow_bankrupt',
  description:
    'workers whose job at the employer started within 90 days (before or after) of the end of their job at another employer that went bankrupt or into liquidation leaving contribution debt (phoenix successors take over the workers)',
  unit: 'workers',
  type: 'int',
  queries: {
    Employer: 'analytics/features/employer-worker-inflow',
  },
});
