import { describe, expect, it } from 'vitest';
import { aucDifference, rocAuc, rocCurve } from './auc.js';
import {
  averagePrecision,
  brierScore,
  calibrationBins,
  hitRateByBand,
  prCurve,
  precisionAtK,
  proportion,
} from './metrics.js';
import { SKLEARN_CASES } from './sklearn-reference.js';
import { normalCdf, normalQuantile, wilsonInterval } from './stats.js';

// The hand-computed example: 4 confirmed (P) and 4 unfounded (N), with ties at 0.8 and 0.4,
// each tie joining a positive and a negative.
//   score  0.9  0.8  0.8  0.6  0.4  0.4  0.2  0.1
//   label   T    T    F    T    F    T    F    F
const S = [0.9, 0.8, 0.8, 0.6, 0.4, 0.4, 0.2, 0.1];
const Y = [true, true, false, true, false, true, false, false];

/** Trapezoidal area under ROC points. */
function trapezoid(points: { fpr: number; tpr: number }[]): number {
  let area = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    area += ((b.fpr - a.fpr) * (a.tpr + b.tpr)) / 2;
  }
  return area;
}

describe('evaluation metrics agree with a hand-computed example', () => {
  it('ROC AUC counts ties half (Mann–Whitney)', () => {
    // ψ summed per positive over the 4 negatives {0.8, 0.4, 0.2, 0.1}:
    //   0.9 → 4;  0.8 → ½ (tie) + 3 = 3.5;  0.6 → 3;  0.4 → ½ (tie) + 2 = 2.5
    // AUC = (4 + 3.5 + 3 + 2.5) / (4·4) = 13/16 = 0.8125
    const auc = rocAuc(S, Y);
    expect(auc.value).toBe(13 / 16);
    expect(auc.positives).toBe(4);
    expect(auc.negatives).toBe(4);
  });

  it('DeLong standard error from the structural components', () => {
    // V10 (per positive, its ψ-sum / N) = [1, 0.875, 0.75, 0.625], mean 0.8125
    //   S10 = (0.1875² + 0.0625² + 0.0625² + 0.1875²) / 3 = 0.078125 / 3
    // V01 (per negative, positives above it + ½ ties, / P):
    //   0.8 → 1.5/4 = 0.375;  0.4 → 3.5/4 = 0.875;  0.2 → 1;  0.1 → 1
    //   S01 = (0.4375² + 0.0625² + 0.1875² + 0.1875²) / 3 = 0.265625 / 3
    // Var = S10/4 + S01/4 = (0.34375 / 3) / 4 = 11/384;  SE = √(11/384) ≈ 0.16925
    const auc = rocAuc(S, Y);
    expect(auc.se).toBeCloseTo(Math.sqrt(11 / 384), 12);
    // 95 %: 0.8125 ± 1.959964·0.16925 = [0.4808, 1.1442] → clipped to [0.4808, 1]
    expect(auc.interval?.lower).toBeCloseTo(0.8125 - 1.959963984540054 * Math.sqrt(11 / 384), 10);
    expect(auc.interval?.upper).toBe(1);
  });

  it('ROC curve: one point per distinct score, trapezoid area = AUC', () => {
    // thresholds 0.9 → (fpr 0, tpr ¼); 0.8 → (¼, ½); 0.6 → (¼, ¾); 0.4 → (½, 1); 0.2 → (¾, 1); 0.1 → (1, 1)
    const { points } = rocCurve(S, Y);
    expect(points.map((p) => [p.threshold, p.fpr, p.tpr])).toEqual([
      [null, 0, 0],
      [0.9, 0, 0.25],
      [0.8, 0.25, 0.5],
      [0.6, 0.25, 0.75],
      [0.4, 0.5, 1],
      [0.2, 0.75, 1],
      [0.1, 1, 1],
    ]);
    // trapezoids: ¼·(¼+½)/2 + ¼·(¾+1)/2 + ¼ + ¼ = 0.09375 + 0.21875 + 0.5 = 0.8125
    expect(trapezoid(points)).toBeCloseTo(13 / 16, 12);
  });

  it('average precision is step-wise over distinct scores', () => {
    // threshold 0.9: tp 1 fp 0 → P 1,   R ¼ → + ¼·1   = 12/48
    //           0.8: tp 2 fp 1 → P ⅔,   R ½ → + ¼·⅔   =  8/48
    //           0.6: tp 3 fp 1 → P ¾,   R ¾ → + ¼·¾   =  9/48
    //           0.4: tp 4 fp 2 → P ⅔,   R 1 → + ¼·⅔   =  8/48
    //      0.2, 0.1: recall unchanged → + 0.           AP = 37/48 ≈ 0.77083
    expect(averagePrecision(S, Y).value).toBeCloseTo(37 / 48, 12);
    const pr = prCurve(S, Y);
    expect(pr.baseRate).toBe(0.5);
    expect(pr.points[0]).toEqual({ threshold: null, recall: 0, precision: 1 });
    expect(pr.points[2]).toEqual({ threshold: 0.8, recall: 0.5, precision: 2 / 3 });
  });

  it('precision at k splits a tie at the cut in proportion', () => {
    // k = 2: the 2nd score is 0.8, shared by one T and one F. Above the cut: 0.9 (1 hit).
    //   1 of the 2 tied is taken: hits = 1 + 1·(1/2) = 1.5 → precision 0.75
    expect(precisionAtK(S, Y, 2)).toEqual({
      requestedK: 2,
      k: 2,
      precision: 0.75,
      reason: null,
      hits: 1.5,
      cutScore: 0.8,
      tiedAtCut: 2,
      tiedTaken: 1,
    });
    // k = 3: both 0.8 taken: hits 1 + 2·½ = 2 → ⅔
    expect(precisionAtK(S, Y, 3).precision).toBeCloseTo(2 / 3, 12);
    // k = 5: cut 0.4; above: 0.9 T, 0.8 T, 0.8 F, 0.6 T (3 hits); 1 of the tied {0.4 F, 0.4 T}
    //   hits = 3 + ½ = 3.5 → 0.7
    expect(precisionAtK(S, Y, 5).precision).toBeCloseTo(0.7, 12);
    // k beyond n is n: 4/8
    expect(precisionAtK(S, Y, 100)).toMatchObject({ requestedK: 100, k: 8, precision: 0.5 });
  });

  it('does not depend on the input order of tied entities', () => {
    const order = [7, 2, 5, 0, 4, 1, 6, 3];
    const s = order.map((i) => S[i]!);
    const y = order.map((i) => Y[i]!);
    expect(precisionAtK(s, y, 2).precision).toBe(0.75);
    expect(averagePrecision(s, y).value).toBeCloseTo(37 / 48, 12);
    expect(rocAuc(Float64Array.from(s), y).value).toBe(13 / 16);
  });

  it('Brier score and calibration bins', () => {
    // errors² (label 1 for T): .1² .2² .8² .4² .4² .6² .2² .1² = 1.42 → / 8 = 0.1775
    expect(brierScore(S, Y).value).toBeCloseTo(0.1775, 12);
    // 2 uniform bins, right-closed: [0, .5] ← {.4 F, .4 T, .2 F, .1 F}: mean .275, observed ¼
    //                              (.5, 1] ← {.9 T, .8 T, .8 F, .6 T}: mean .775, observed ¾
    // ECE = ½·|.25 − .275| + ½·|.75 − .775| = 0.025
    const cal = calibrationBins(S, Y, 2);
    expect(cal.bins.map((b) => [b.lower, b.upper, b.count, b.positives])).toEqual([
      [0, 0.5, 4, 1],
      [0.5, 1, 4, 3],
    ]);
    expect(cal.bins[0]!.meanPredicted).toBeCloseTo(0.275, 12);
    expect(cal.bins[1]!.observedRate).toBe(0.75);
    expect(cal.ece.value).toBeCloseTo(0.025, 12);
  });

  it('quantile calibration bins never split a run of ties', () => {
    // 4 bins of 2 by rank would cut between the two 0.4s' neighbours: bins are
    // {.1 .2} {.4 .4} {.6 .8 .8} ← extended over the tied 0.8s {.9}
    const cal = calibrationBins(S, Y, 4, 'quantile');
    expect(cal.bins.map((b) => b.count)).toEqual([2, 2, 3, 1]);
    expect(cal.bins.map((b) => [b.lower, b.upper])).toEqual([
      [0.1, 0.2],
      [0.4, 0.4],
      [0.6, 0.8],
      [0.9, 0.9],
    ]);
  });

  it('hit rate per band against the base rate', () => {
    // banded: 7 entities, 4 hits → base rate 4/7; red 2/2 → lift 1 / (4/7) = 1.75
    const r = hitRateByBand(
      ['red', 'red', 'orange', 'orange', 'green', 'green', 'blue', null],
      [true, true, false, true, false, true, false, true],
    );
    expect(r.baseRate).toMatchObject({ n: 7, hits: 4, rate: 4 / 7 });
    expect(r.unbanded).toBe(1);
    expect(r.bands.map((b) => [b.band, b.labelled, b.hits, b.lift])).toEqual([
      ['red', 2, 2, 1.75],
      ['orange', 2, 1, 0.875],
      ['green', 2, 1, 0.875],
      ['blue', 1, 0, 0],
    ]);
  });

  it('Wilson interval and the normal distribution', () => {
    // 0 of 10: lower 0, upper z²/(n + z²) = 3.841459/13.841459 ≈ 0.27753
    const w = wilsonInterval(0, 10)!;
    expect(w.lower).toBe(0);
    expect(w.upper).toBeCloseTo(3.841458820694124 / 13.841458820694124, 10);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 6);
    // At 0 the approximation overshoots erfc(0) = 1 by 3e-8: a two-sided p-value stays ≤ 1.
    expect(normalCdf(0)).toBe(0.5);
    expect(2 * (1 - normalCdf(Math.abs(-0)))).toBe(1);
    expect(proportion(3, 12)).toMatchObject({ rate: 0.25, interval: { method: 'Wilson' } });
  });
});

describe('evaluation metrics agree with scikit-learn', () => {
  SKLEARN_CASES.forEach((c, i) => {
    const labels = c.labels.map((y) => y === 1);
    it(`case ${i} (${labels.length} labels)`, () => {
      const auc = rocAuc(c.scores, labels);
      expect(auc.value).toBeCloseTo(c.rocAuc, 12);
      expect(auc.se).toBeCloseTo(c.delongSe, 12);
      expect(rocAuc(c.scores2, labels).value).toBeCloseTo(c.rocAuc2, 12);
      expect(trapezoid(rocCurve(c.scores, labels).points)).toBeCloseTo(c.rocAuc, 12);
      expect(averagePrecision(c.scores, labels).value).toBeCloseTo(c.ap, 12);
      expect(averagePrecision(c.scores2, labels).value).toBeCloseTo(c.ap2, 12);
      expect(brierScore(c.scores, labels).value).toBeCloseTo(c.brier, 12);
      const diff = aucDifference(c.scores, c.scores2, labels);
      expect(diff.difference).toBeCloseTo(c.rocAuc - c.rocAuc2, 12);
      expect(diff.se).toBeCloseTo(c.diffSe, 12);
      const bins = calibrationBins(c.scores, labels, 5).bins.filter((b) => b.count > 0);
      expect(bins.map((b) => b.observedRate)).toEqual(
        c.calib5Observed.map((v) => expect.closeTo(v, 12) as unknown),
      );
      expect(bins.map((b) => b.meanPredicted)).toEqual(
        c.calib5Predicted.map((v) => expect.closeTo(v, 12) as unknown),
      );
    });
  });
});

describe('evaluation metrics on degenerate input', () => {
  it('no positives or no negatives gives null with a reason, never NaN', () => {
    const none = rocAuc([0.2, 0.4], [false, false]);
    expect(none.value).toBeNull();
    expect(none.reason).toMatch(/no positive labels/);
    expect(rocAuc([0.2, 0.4], [true, true]).reason).toMatch(/no negative labels/);
    expect(rocAuc([], []).reason).toMatch(/no labelled entities/);
    expect(averagePrecision([0.2, 0.4], [false, false])).toEqual({
      value: null,
      reason: expect.stringMatching(/no positive/) as unknown,
    });
    expect(rocCurve([0.1], [true]).points).toEqual([]);
    expect(prCurve([], []).baseRate).toBeNull();
    expect(brierScore([], []).value).toBeNull();
    expect(calibrationBins([], [], 3).ece.value).toBeNull();
    expect(precisionAtK([0.3], [true], 0)).toMatchObject({
      precision: null,
      reason: 'capacity k is 0',
    });
    expect(hitRateByBand([], []).bands.every((b) => b.hitRate === null && b.lift === null)).toBe(
      true,
    );
    expect(aucDifference([0.1], [0.2], [true]).difference).toBeNull();
  });

  it('one positive: an AUC but no interval', () => {
    const auc = rocAuc([0.9, 0.1, 0.5], [true, false, false]);
    expect(auc).toMatchObject({ value: 1, se: null, interval: null });
  });

  it('identical rankings: difference 0, no test', () => {
    expect(
      aucDifference(
        S,
        S.map((s) => s / 2),
        Y,
      ),
    ).toMatchObject({
      difference: 0,
      se: 0,
      z: null,
      pValue: null,
    });
  });

  it('rejects mismatched lengths, non-finite scores and non-probabilities', () => {
    expect(() => rocAuc([0.1, 0.2], [true])).toThrow(
      /evaluation: rocAuc got 2 scores but 1 labels/,
    );
    expect(() => averagePrecision([Number.NaN], [true])).toThrow(/not a finite number/);
    expect(() => brierScore([1.5], [true])).toThrow(/probabilities in \[0, 1\]/);
    expect(() => precisionAtK([0.1], [true], 1.5)).toThrow(/whole k/);
  });
});
