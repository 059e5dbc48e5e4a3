import { queryFeature, type QueryFeature } from './feature.js';

export const tempUnemploymentDuringSubcontractsFeature: QueryFeature = queryFeature({
  name: 'f_temp_unemployment_during_subcontracts',
  description:
    'temporary-unemployment claims resting on the employer whose period overlaps a subcontract of the employer (either side) that was running then',
  unit: 'claims',
  type: 'int',
  queries: {
    Employer: 'analytics/features/employer-temp-unemployment-subcontracts',
  },
});
