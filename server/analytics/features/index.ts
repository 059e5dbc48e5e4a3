// The feature registry: every network feature analytics computes. Adding a feature is one file
// in this folder (see feature.ts) and one line here (a query feature also has its .cypher file
// under cypher/analytics/features/, declared in server/db/feature-queries.ts).
import { communitySizeFeature } from './community-size.js';
import { communityFeature } from './community.js';
import { componentSizeFeature } from './component-size.js';
import { componentFeature } from './component.js';
import { degreeByKindFeatures } from './degree-by-kind.js';
import { degreeFeature } from './degree.js';
import { exposureFeature } from './exposure.js';
import { isQueryFeature, type Feature, type GraphFeature, type QueryFeature } from './feature.js';
import { hubScoreFeature } from './hub-score.js';
import { hubFeature } from './hub.js';
import { pagerankFeature } from './pagerank.js';
import { sharedSeatEmployersFeature } from './shared-seat-employers.js';
import { sharedAccountHoldersFeature } from './shared-account-holders.js';
import { sharedContactHoldersFeature } from './shared-contact-holders.js';
import { bankruptNeighboursFeature } from './bankrupt-neighbours.js';
import { fraudNeighboursFeature } from './fraud-neighbours.js';
import { directorCompaniesFeature } from './director-companies.js';
import { directorBankruptciesFeature } from './director-bankruptcies.js';
import { directorDebtEurFeature } from './director-debt-eur.js';
import { workerInflowBankruptFeature } from './worker-inflow-bankrupt.js';
import { workerInflowShareFeature } from './worker-inflow-share.js';
import { dependentSelfEmployedFeature } from './dependent-self-employed.js';
import { shortJobsThenClaimsFeature } from './short-jobs-then-claims.js';
import { tempUnemploymentDuringSubcontractsFeature } from './temp-unemployment-during-subcontracts.js';
import { tempUnemploymentWhileSubcontractingFeature } from './temp-unemployment-while-subcontracting.js';
import { shellSubcontractorsFeature } from './shell-subcontractors.js';
import { claimWorkOverlapDaysFeature } from './claim-work-overlap-days.js';
import { selfEmployedDependencyFeature } from './self-employed-dependency.js';
import { sharedPaymentAccountClaimantsFeature } from './shared-payment-account-claimants.js';
import { staffProximityFeature } from './staff-proximity.js';
import { linkedClaimsFeature } from './linked-claims.js';
import { linkedClaimShareFeature } from './linked-claim-share.js';
import { approvalRateRatioFeature } from './approval-rate-ratio.js';
import { communityShareBankruptFeature } from './community-share-bankrupt.js';
import { communityShareFraudFeature } from './community-share-fraud.js';
import { communityMeanExposureFeature } from './community-mean-exposure.js';
import { communityTopSectorFeature } from './community-top-sector.js';

export type {
  Feature,
  FeatureContext,
  FeatureLabel,
  FeatureValue,
  GraphFeature,
  QueryFeature,
} from './feature.js';
export { isQueryFeature } from './feature.js';

export const featureRegistry: readonly Feature[] = [
  componentFeature,
  componentSizeFeature,
  communityFeature,
  communitySizeFeature,
  pagerankFeature,
  exposureFeature,
  hubFeature,
  hubScoreFeature,
  degreeFeature,
  ...degreeByKindFeatures,
  sharedSeatEmployersFeature,
  sharedAccountHoldersFeature,
  sharedContactHoldersFeature,
  sharedPaymentAccountClaimantsFeature,
  bankruptNeighboursFeature,
  fraudNeighboursFeature,
  directorCompaniesFeature,
  directorBankruptciesFeature,
  directorDebtEurFeature,
  workerInflowBankruptFeature,
  workerInflowShareFeature,
  communityShareBankruptFeature,
  communityShareFraudFeature,
  communityMeanExposureFeature,
  communityTopSectorFeature,
  // Query features: computed in the database (those marked afterWriteBack after the graph
  // features and communities are written, the others while the algorithms compute).
  dependentSelfEmployedFeature,
  shortJobsThenClaimsFeature,
  tempUnemploymentDuringSubcontractsFeature,
  tempUnemploymentWhileSubcontractingFeature,
  shellSubcontractorsFeature,
  claimWorkOverlapDaysFeature,
  selfEmployedDependencyFeature,
  staffProximityFeature,
  linkedClaimsFeature,
  linkedClaimShareFeature,
  approvalRateRatioFeature,
];

const names = new Set<string>();
for (const feature of featureRegistry) {
  if (names.has(feature.name))
    throw new Error(`analytics: feature ${feature.name} is declared twice`);
  names.add(feature.name);
}

/** The features the graph algorithms compute in-process (write-back.ts writes them). */
export const graphFeatures: readonly GraphFeature[] = featureRegistry.filter(
  (f): f is GraphFeature => !isQueryFeature(f),
);
/** The features Cypher queries compute in the database (query-features.ts runs them). */
export const queryFeatures: readonly QueryFeature[] = featureRegistry.filter(isQueryFeature);
