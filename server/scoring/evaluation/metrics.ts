// Ranking and calibration metrics of a scoring on labelled entities: average precision and the
// precision–recall curve, precision at capacity, the Brier score, calibration bins, hit rate
// per band against the base rate, and a proportion with its interval. (ROC AUC and its
// interval are in auc.ts.) Inputs: see inputs.ts — scores as number[] or Float64Array,
// labels as boolean[] (true = confirmed), labelled entities only. Everything is O(n log n)
// or better, and a figure that the data cannot define is null with a reason, never NaN.
import { BadInputError } from '../../errors.js';
import {
  BANDS,
  type Band,
  type BandHitRates,
  type Calibration,
  type CalibrationBin,
  type Estimate,
  type PrCurve,
  type PrecisionAtK,
  type PrPoint,
  type Proportion,
} from './metric-schemas.js';
import {
  checkScored,
  countPositives,
  forEachThreshold,
  orderByScoreDesc,
  type Labels,
  type Scores,
} from './inputs.js';
import { wilsonInterval } from './stats.js';

const NO_POSITIVES = 'no positive labels (no confirmed case)';

/**
 * Average precision, the step-wise area under the precision–recall curve, as scikit-learn's
 * `average_precision_score`:
 *   AP = Σ_k (R_k − R_{k−1}) · P_k,
 * over the distinct scores t_1 > t_2 > … (R_0 = 0), where P_k and R_k are the precision and
 * recall of flagging every entity scoring ≥ t_k. Equal scores form one step (never split), so
 * the result does not depend on the input order. No interpolation (unlike the trapezoidal PR
 * AUC, which is optimistic). No positives → null.
 */
export function averagePrecision(scores: Scores, labels: Labels): Estimate {
  checkScored('averagePrecision', scores, labels);
  const positives = countPositives(labels);
  if (positives === 0) return { value: null, reason: NO_POSITIVES };
  let ap = 0;
  let lastRecall = 0;
  forEachThreshold(scores, labels, (_t, tp, fp) => {
    const recall = tp / positives;
    ap += (recall - lastRecall) * (tp / (tp + fp));
    lastRecall = recall;
  });
  return { value: ap, reason: null };
}

/**
 * The precision–recall curve: one point per distinct score from the highest down, flagging
 * every entity scoring ≥ the threshold (precision = tp/(tp+fp), recall = tp/P), preceded by
 * scikit-learn's conventional point (recall 0, precision 1, threshold null). Drawn as a step
 * function — precision P_k on recall (R_{k−1}, R_k] — its area is averagePrecision.
 * baseRate = P/n is the precision of flagging at random. No positives → no points.
 */
export function prCurve(scores: Scores, labels: Labels): PrCurve {
  checkScored('prCurve', scores, labels);
  const positives = countPositives(labels);
  const baseRate = labels.length === 0 ? null : positives / labels.length;
  if (positives === 0) return { points: [], baseRate, reason: NO_POSITIVES };
  const points: PrPoint[] = [{ threshold: null, recall: 0, precision: 1 }];
  forEachThreshold(scores, labels, (threshold, tp, fp) =>
    points.push({ threshold, recall: tp / positives, precision: tp / (tp + fp) }),
  );
  return { points, baseRate, reason: null };
}

/**
 * Precision among the k highest-scoring labelled entities (k = inspection capacity).
 * k larger than the number of entities is reduced to it (`k` vs `requestedK`).
 *
 * Ties at the cut: when the k-th score is shared by entities both inside and outside the top
 * k, the tied run counts in proportion — hits = (positives scoring above the cut) +
 * taken·(positives in the tied run / size of the tied run). That is the mean precision over
 * every order of the tied entities: deterministic, and independent of the input order (which
 * often follows an id or a date and could otherwise flatter or penalise the model). `hits`
 * may therefore be fractional; `tiedAtCut` and `tiedTaken` show how much the cut split.
 */
export function precisionAtK(scores: Scores, labels: Labels, k: number): PrecisionAtK {
  checkScored('precisionAtK', scores, labels);
  if (!Number.isInteger(k) || k < 0) {
    throw new BadInputError(`evaluation: precisionAtK needs a whole k ≥ 0, got ${k}`);
  }
  const used = Math.min(k, labels.length);
  const empty = { requestedK: k, k: used, hits: 0, cutScore: null, tiedAtCut: 0, tiedTaken: 0 };
  if (used === 0) {
    const reason = k === 0 ? 'capacity k is 0' : 'no labelled entities';
    return { ...empty, precision: null, reason };
  }
  const order = orderByScoreDesc(scores);
  const cutScore = scores[order[used - 1] as number] as number;
  let above = 0;
  let hitsAbove = 0;
  let tied = 0;
  let tiedHits = 0;
  for (let i = 0; i < labels.length; i++) {
    const s = scores[i] as number;
    if (s > cutScore) {
      above++;
      if (labels[i]) hitsAbove++;
    } else if (s === cutScore) {
      tied++;
      if (labels[i]) tiedHits++;
    }
  }
  const taken = used - above;
  const hits = hitsAbove + (taken * tiedHits) / tied;
  return {
    requestedK: k,
    k: used,
    precision: hits / used,
    reason: null,
    hits,
    cutScore,
    tiedAtCut: tied,
    tiedTaken: taken,
  };
}

/** Throws unless every score is a probability in [0, 1]. */
function checkProbabilities(fn: string, scores: Scores): void {
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (s < 0 || s > 1) {
      throw new BadInputError(
        `evaluation: ${fn} needs probabilities in [0, 1], got ${s} at position ${i}; pass the model's probability, not a rank or a rule score`,
      );
    }
  }
}

/** Brier score: mean of (score − label)² with label 1 = confirmed, 0 = not; lower is better. */
export function brierScore(scores: Scores, labels: Labels): Estimate {
  checkScored('brierScore', scores, labels);
  checkProbabilities('brierScore', scores);
  if (labels.length === 0) return { value: null, reason: 'no labelled entities' };
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const d = (scores[i] as number) - (labels[i] ? 1 : 0);
    sum += d * d;
  }
  return { value: sum / labels.length, reason: null };
}

function binOf(
  scores: Scores,
  labels: Labels,
  members: readonly number[],
  lower: number,
  upper: number,
): CalibrationBin {
  let sum = 0;
  let positives = 0;
  for (const i of members) {
    sum += scores[i] as number;
    if (labels[i]) positives++;
  }
  const count = members.length;
  const interval = wilsonInterval(positives, count);
  return {
    lower,
    upper,
    count,
    positives,
    meanPredicted: count === 0 ? null : sum / count,
    observedRate: count === 0 ? null : positives / count,
    interval: interval && { ...interval, level: 0.95, method: 'Wilson' },
  };
}

/**
 * Calibration (reliability) bins of probability scores.
 * - 'uniform' (default): `bins` equal-width bins of [0, 1], closed on the right — [0, 1/b],
 *   (1/b, 2/b], …, ((b−1)/b, 1] — as scikit-learn's calibration_curve places a score that
 *   falls on an edge; every bin is listed, empty ones with count 0 and null rates
 *   (scikit-learn drops them).
 * - 'quantile': about n/b entities per bin in score order, a run of equal scores never split
 *   (so a bin can be larger, and there can be fewer bins); lower/upper are the smallest and
 *   largest score in the bin.
 * Per bin: count, positives, mean score (meanPredicted), share confirmed (observedRate) with
 * its Wilson 95 % interval. ece = Σ (count/n)·|observedRate − meanPredicted| (expected
 * calibration error); brier as brierScore. A well-calibrated model has observedRate ≈
 * meanPredicted in every bin.
 */
export function calibrationBins(
  scores: Scores,
  labels: Labels,
  bins = 10,
  strategy: 'uniform' | 'quantile' = 'uniform',
): Calibration {
  checkScored('calibrationBins', scores, labels);
  checkProbabilities('calibrationBins', scores);
  if (!Number.isInteger(bins) || bins < 1) {
    throw new BadInputError(
      `evaluation: calibrationBins needs a whole number of bins ≥ 1, got ${bins}`,
    );
  }
  const n = labels.length;
  const out: CalibrationBin[] = [];
  if (strategy === 'uniform') {
    const members: number[][] = Array.from({ length: bins }, () => []);
    for (let i = 0; i < n; i++) {
      const x = scores[i] as number;
      // the number of inner edges k/bins strictly below x, computed against the edges
      // themselves so that x·bins rounding (0.7·10 = 7.000000000000001) cannot misplace it
      let b = Math.min(bins - 1, Math.floor(x * bins));
      while (b > 0 && x <= b / bins) b--;
      while (b < bins - 1 && x > (b + 1) / bins) b++;
      (members[b] as number[]).push(i);
    }
    members.forEach((m, b) => out.push(binOf(scores, labels, m, b / bins, (b + 1) / bins)));
  } else {
    const order = orderByScoreDesc(scores).reverse();
    let start = 0;
    for (let b = 0; b < bins && start < n; b++) {
      let end = Math.max(start + 1, Math.round(((b + 1) * n) / bins));
      while (end < n && scores[order[end] as number] === scores[order[end - 1] as number]) end++;
      const m = order.slice(start, end);
      const lower = scores[m[0] as number] as number;
      const upper = scores[m[m.length - 1] as number] as number;
      out.push(binOf(scores, labels, m, lower, upper));
      start = end;
    }
  }
  let ece = 0;
  for (const bin of out) {
    if (bin.count > 0) {
      ece +=
        (bin.count / n) * Math.abs((bin.observedRate as number) - (bin.meanPredicted as number));
    }
  }
  return {
    strategy,
    bins: out,
    ece: n === 0 ? { value: null, reason: 'no labelled entities' } : { value: ece, reason: null },
    brier: brierScore(scores, labels),
  };
}

/** hits out of n with the Wilson interval; n = 0 → rate null with the reason. */
export function proportion(hits: number, n: number, level = 0.95): Proportion {
  if (!Number.isInteger(hits) || !Number.isInteger(n) || hits < 0 || hits > n) {
    throw new BadInputError(`evaluation: a proportion needs whole 0 ≤ hits ≤ n, got ${hits}/${n}`);
  }
  const interval = wilsonInterval(hits, n, level);
  return {
    n,
    hits,
    rate: n === 0 ? null : hits / n,
    interval: interval && { ...interval, level, method: 'Wilson' },
    reason: n === 0 ? 'no labelled entities' : null,
  };
}

/**
 * Hit rate per band: for each band (red, orange, green, blue), the labelled entities in it,
 * the confirmed ones among them, hitRate = hits/labelled with its Wilson 95 % interval, and
 * lift = hitRate / baseRate, where the base rate is hits/labelled over every labelled entity
 * that has a band. A band null (entity not scored) is counted in `unbanded` and left out.
 * Note that these labels come from inspections someone chose to do: compare with the
 * random-audit control group before reading the base rate as prevalence.
 */
export function hitRateByBand(bands: readonly (Band | null)[], labels: Labels): BandHitRates {
  if (bands.length !== labels.length) {
    throw new BadInputError(
      `evaluation: hitRateByBand got ${bands.length} bands but ${labels.length} labels; pass one label per band, in the same order`,
    );
  }
  const labelled = new Map<Band, number>(BANDS.map((b) => [b, 0]));
  const hits = new Map<Band, number>(BANDS.map((b) => [b, 0]));
  let unbanded = 0;
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i] ?? null;
    if (band === null) {
      unbanded++;
      continue;
    }
    labelled.set(band, (labelled.get(band) ?? 0) + 1);
    if (labels[i]) hits.set(band, (hits.get(band) ?? 0) + 1);
  }
  let n = 0;
  let h = 0;
  for (const b of BANDS) {
    n += labelled.get(b) ?? 0;
    h += hits.get(b) ?? 0;
  }
  const baseRate = proportion(h, n);
  return {
    baseRate,
    bands: BANDS.map((band) => {
      const p = proportion(hits.get(band) ?? 0, labelled.get(band) ?? 0);
      const lift = p.rate === null || !baseRate.rate ? null : p.rate / baseRate.rate;
      return {
        band,
        labelled: p.n,
        hits: p.hits,
        hitRate: p.rate,
        interval: p.interval,
        lift,
      };
    }),
    unbanded,
  };
}
