import type { Feature } from './feature.js';

export const workerInflowShareFeature: Feature = {
  name: 'f_worker_inflow_share',
  entities: ['Employer'],
  description:
    'f_worker_inflow_bankrupt over the workers whose job at the employer started by the as-of date (0 when none)',
  unit: 'share (0–1)',
  type: 'float',
  computed: 'counted on the projection: analytics/worker-inflow.ts',
  value: (context, node) => context.inflow.share[node]!,
};
