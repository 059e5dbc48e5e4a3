import { entities, type Feature } from './feature.js';

export const exposureFeature: Feature = {
  name: 'f_exposure',
  entities,
  description:
    'time-decayed fraud exposure (GOTCHA!): how much known fraud (confirmed-fraud inspections, bankrupt employers with debt) reaches the entity over shared directors, seats, workers, accounts and contacts, recent links counting more',
  unit: 'seed weight',
  type: 'float',
  computed:
    'personalised PageRank from the fraud seeds, links weighted by kind and exp(−λ·age), λ = ln 2 / 2 per year, hubs damped: analytics/exposure.ts, analytics/exposure-seeds.ts, spec "exposure"',
  value: (context, node) => context.exposure[node]!,
};
