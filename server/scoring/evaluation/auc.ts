// The area under the ROC curve with its DeLong interval, the paired DeLong test between two
// scorings of the same entities, and the ROC curve itself.
//
// Definitions (P positives, N negatives, s the score):
//   AUC = (1 / P·N) · Σ_{i positive} Σ_{j negative} ψ(s_i, s_j),
//   ψ(a, b) = 1 if a > b, ½ if a = b, 0 if a < b,
// the Mann–Whitney U statistic divided by P·N: the probability that a randomly chosen
// confirmed case scores above a randomly chosen unfounded one, ties counted half. It is computed
// from mid-ranks in O(n log n), never from the O(P·N) double sum.
//
// Variance: DeLong, DeLong & Clarke-Pearson (Biometrics 44, 1988), with the mid-rank
// formulation of Sun & Xu (IEEE Signal Processing Letters 21, 2014). The structural
// components are V10_i = (1/N) Σ_j ψ(s_i, s_j) for each positive i and
// V01_j = (1/P) Σ_i ψ(s_i, s_j) for each negative j; with S10, S01 their sample variances
// (denominators P−1 and N−1), Var(AUC) = S10/P + S01/N. The interval is the Wald interval
// AUC ± z·SE, clipped to [0, 1]. It needs at least 2 positives and 2 negatives; with the tens of
// labels of a small hold-out it is approximate, and it is zero-width when the classes are
// perfectly separated (AUC 0 or 1) — the report says so rather than hide it.
import type { Auc, AucDifference, RocCurve, RocPoint } from './metric-schemas.js';
import {
  checkScored,
  countPositives,
  forEachThreshold,
  type Labels,
  type Scores,
} from './inputs.js';
import { midranks, normalCdf, zForLevel } from './stats.js';

interface Components {
  auc: number;
  /** V10 per positive, V01 per negative. */
  v10: Float64Array;
  v01: Float64Array;
}

function pick(scores: Scores, labels: Labels, want: boolean): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] === want) out.push(scores[i] as number);
  return Float64Array.from(out);
}

/** DeLong's structural components from mid-ranks (Sun & Xu 2014, eq. 5–7). */
function components(scores: Scores, labels: Labels): Components {
  const pos = pick(scores, labels, true);
  const neg = pick(scores, labels, false);
  const m = pos.length;
  const n = neg.length;
  const all = new Float64Array(m + n);
  all.set(pos, 0);
  all.set(neg, m);
  const rAll = midranks(all);
  const rPos = midranks(pos);
  const rNeg = midranks(neg);
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < m; i++) {
    // negatives below positive i, ties half: its rank among all minus its rank among positives
    v10[i] = ((rAll[i] as number) - (rPos[i] as number)) / n;
    sum += v10[i] as number;
  }
  for (let j = 0; j < n; j++) {
    // positives above negative j, ties half
    v01[j] = 1 - ((rAll[m + j] as number) - (rNeg[j] as number)) / m;
  }
  return { auc: sum / m, v10, v01 };
}

function covariance(a: Float64Array, meanA: number, b: Float64Array, meanB: number): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] as number) - meanA) * ((b[i] as number) - meanB);
  return s / (a.length - 1);
}

function degenerate(p: number, n: number): string | null {
  if (p === 0 && n === 0) return 'no labelled entities';
  if (p === 0) return 'no positive labels (no confirmed case), so the AUC is undefined';
  if (n === 0) return 'no negative labels (every inspection confirmed), so the AUC is undefined';
  return null;
}

export interface AucOptions {
  /** Interval coverage, default 0.95. */
  level?: number;
}

/**
 * ROC AUC (Mann–Whitney, ties counted half) with its DeLong standard error and Wald interval
 * clipped to [0, 1]. No positives or no negatives → value null with the reason; fewer than 2
 * of either → value present, se and interval null.
 */
export function rocAuc(scores: Scores, labels: Labels, options: AucOptions = {}): Auc {
  checkScored('rocAuc', scores, labels);
  const level = options.level ?? 0.95;
  const positives = countPositives(labels);
  const negatives = labels.length - positives;
  const why = degenerate(positives, negatives);
  if (why !== null) {
    return { value: null, reason: why, positives, negatives, se: null, interval: null };
  }
  const c = components(scores, labels);
  if (positives < 2 || negatives < 2) {
    return {
      value: c.auc,
      reason: null,
      positives,
      negatives,
      se: null,
      interval: null,
    };
  }
  const variance =
    covariance(c.v10, c.auc, c.v10, c.auc) / positives +
    covariance(c.v01, c.auc, c.v01, c.auc) / negatives;
  const se = Math.sqrt(Math.max(0, variance));
  const z = zForLevel(level);
  return {
    value: c.auc,
    reason: null,
    positives,
    negatives,
    se,
    interval: {
      lower: Math.max(0, c.auc - z * se),
      upper: Math.min(1, c.auc + z * se),
      level,
      method: 'DeLong (Wald, clipped to [0, 1])',
    },
  };
}

/**
 * AUC(a) − AUC(b) for two scorings of the same labelled entities (e.g. the full model and
 * the intrinsic-features-only model), with the paired DeLong test: the two AUCs are
 * correlated because they share the entities, so
 *   Var(A − B) = (S10_AA + S10_BB − 2·S10_AB)/P + (S01_AA + S01_BB − 2·S01_AB)/N,
 * where S10_AB is the sample covariance of the V10 components of a and b. Interval
 * difference ± z·SE (not clipped: the difference lies in [−1, 1]); z = difference/SE and the
 * two-sided p-value 2·(1 − Φ(|z|)). When SE is 0 (identical rankings) z and p are null.
 */
export function aucDifference(
  a: Scores,
  b: Scores,
  labels: Labels,
  options: AucOptions = {},
): AucDifference {
  checkScored('aucDifference', a, labels);
  checkScored('aucDifference', b, labels);
  const level = options.level ?? 0.95;
  const positives = countPositives(labels);
  const negatives = labels.length - positives;
  const none = { se: null, interval: null, z: null, pValue: null };
  const why = degenerate(positives, negatives);
  if (why !== null) return { difference: null, reason: why, ...none };
  const ca = components(a, labels);
  const cb = components(b, labels);
  const difference = ca.auc - cb.auc;
  if (positives < 2 || negatives < 2) return { difference, reason: null, ...none };
  const s10 =
    covariance(ca.v10, ca.auc, ca.v10, ca.auc) +
    covariance(cb.v10, cb.auc, cb.v10, cb.auc) -
    2 * covariance(ca.v10, ca.auc, cb.v10, cb.auc);
  const s01 =
    covariance(ca.v01, ca.auc, ca.v01, ca.auc) +
    covariance(cb.v01, cb.auc, cb.v01, cb.auc) -
    2 * covariance(ca.v01, ca.auc, cb.v01, cb.auc);
  const se = Math.sqrt(Math.max(0, s10 / positives + s01 / negatives));
  const zLevel = zForLevel(level);
  const interval = {
    lower: difference - zLevel * se,
    upper: difference + zLevel * se,
    level,
    method: 'paired DeLong (Wald)',
  };
  if (se === 0) return { difference, reason: null, se, interval, z: null, pValue: null };
  const z = difference / se;
  return { difference, reason: null, se, interval, z, pValue: 2 * (1 - normalCdf(Math.abs(z))) };
}

/**
 * The ROC curve: one point per distinct score, from the highest down, flagging every entity
 * whose score is ≥ that threshold: fpr = false positives / N, tpr = true positives / P.
 * It starts at (0, 0) with threshold null (flag nothing) and ends at (1, 1). Ties are one
 * point, so the curve joins them with a diagonal segment — the same convention as the AUC's
 * "ties counted half", and the trapezoidal area under these points equals rocAuc.
 */
export function rocCurve(scores: Scores, labels: Labels): RocCurve {
  checkScored('rocCurve', scores, labels);
  const positives = countPositives(labels);
  const negatives = labels.length - positives;
  const why = degenerate(positives, negatives);
  if (why !== null) return { points: [], reason: why };
  const points: RocPoint[] = [{ threshold: null, fpr: 0, tpr: 0 }];
  forEachThreshold(scores, labels, (threshold, tp, fp) =>
    points.push({ threshold, fpr: fp / negatives, tpr: tp / positives }),
  );
  return { points, reason: null };
}
