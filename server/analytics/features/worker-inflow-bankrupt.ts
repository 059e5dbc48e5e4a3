import type { Feature } from './feature.js';

export const workerInflowBankruptFeature: Feature = {
  name: 'f_worker_inflow_bankrupt',
  entities: ['Employer'],
  description:
    'workers whose job at the employer started within 90 days (before or after) of the end of their job at another employer that went bankrupt or into liquidation leaving contribution debt (phoenix successors take over the workers)',
  unit: 'workers',
  type: 'int',
  computed: 'counted on the projection: analytics/worker-inflow.ts',
  value: (context, node) => context.inflow.fromFailed[node]!,
};
