import { queryFeature, type QueryFeature } from './feature.js';

export const claimWorkOverlapDaysFeature: QueryFeature = queryFeature({
  name: 'f_claim_work_overlap_days',
  description:
    'days of the person’s granted unemployment or sickness claims during which they also had a declared job or a self-employment client (for temporary unemployment and sickness, not the job at the claim’s own employer: that is sick leave or temporary unemployment itself); a claim ending the day a job starts overlaps 0 days',
  unit: 'days',
  type: 'int',
  queries: {
    Person: 'analytics/features/person-claim-work-overlap',
  },
});
