// The known fraud exposure starts from (GOTCHA!'s seeds, exposure.ts): entities with a
// confirmed-fraud inspection, and bankrupt employers that left contribution debt (DESIGN.md:
// organised non-payment through chains of bankruptcies). A seed weighs less the longer ago its
// evidence: exp(−λ · years since the inspection closed or the employer ceased).
import { defaultExposureLambda } from './exposure.js';
import type { ProjectedGraph } from './projected-graph.js';

export interface SeedOptions {
  /** The day the analysis is as of (days since 1970-01-01). */
  asOfDay: number;
  /** Decay per year of a seed's age (default: the links' default, ln 2 / 2). */
  lambda?: number;
  /** Weight of one confirmed-fraud inspection (default 1). */
  confirmedFraudWeight?: number;
  /** Weight of a bankrupt employer with debt (default 0.5). */
  bankruptWithDebtWeight?: number;
  /** Debt (euros) above which a bankrupt employer is a seed (default 0). */
  minDebtEur?: number;
}

export function exposureSeeds(
  projected: ProjectedGraph,
  options: SeedOptions,
): Map<string, number> {
  const lambda = options.lambda ?? defaultExposureLambda;
  const fraudWeight = options.confirmedFraudWeight ?? 1;
  const bankruptWeight = options.bankruptWithDebtWeight ?? 0.5;
  const minDebt = options.minDebtEur ?? 0;
  const decay = (day: number | undefined) =>
    day === undefined || Number.isNaN(day)
      ? 1
      : Math.exp((-lambda * Math.max(0, options.asOfDay - day)) / 365.25);
  const seeds = new Map<string, number>();
  for (const [node, facts] of projected.facts) {
    let weight = 0;
    for (const day of facts.confirmedFraudDays ?? []) weight += fraudWeight * decay(day);
    if (facts.status === 'bankrupt' && (facts.debt ?? 0) > minDebt) {
      weight += bankruptWeight * decay(facts.ceasedDay);
    }
    if (weight > 0) seeds.set(projected.keys[node]!, weight);
  }
  return seeds;
}
