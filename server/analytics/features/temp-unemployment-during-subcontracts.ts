import type { QueryFeature } from './feature.js';

export const tempUnemploymentDuringSubcontractsFeature: QueryFeature = {
  name: 'f_temp_unemployment_during_subcontracts',
  entities: ['Employer'],
  description:
    'temporary-unemployment claims resting on the employer whose period overlaps a subcontract of the employer (either side) that was running then',
  unit: 'claims',
  type: 'int',
  computed:
    'Cypher in the database: cypher/analytics/features/employer-temp-unemployment-subcontracts.cypher',
  queries: {
    Employer: 'analytics/features/employer-temp-unemployment-subcontracts',
  },
};
