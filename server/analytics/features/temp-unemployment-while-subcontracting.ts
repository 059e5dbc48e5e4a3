import { queryFeature, type QueryFeature } from './feature.js';

export const tempUnemploymentWhileSubcontractingFeature: QueryFeature = queryFeature({
  name: 'f_temp_unemployment_while_subcontracting',
  description:
    'temporary-unemployment claims resting on the employer whose period overlaps a subcontract in which the employer is the subcontractor: the work it delivers goes on while its workers are said to have none',
  unit: 'claims',
  type: 'int',
  queries: { Employer: 'analytics/features/employer-temp-unemployment-subcontracts' },
});
