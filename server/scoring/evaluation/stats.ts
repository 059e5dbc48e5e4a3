// Small statistical helpers shared by the evaluation metrics: mid-ranks, the standard normal
// distribution and the Wilson score interval for a proportion. Pure functions, no I/O.

/** The two-sided normal quantile used for a 95 % interval: Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

/**
 * Mid-ranks (1-based) of `values`: the i-th smallest value gets rank i, and a run of equal
 * values shares the mean of the ranks it spans (so [5, 7, 7, 9] → [1, 2.5, 2.5, 4]).
 * O(n log n).
 */
export function midranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    const v = values[order[i] as number] as number;
    let j = i;
    while (j + 1 < n && values[order[j + 1] as number] === v) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k] as number] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * The standard normal distribution function Φ(x), through the complementary error function
 * of Numerical Recipes (Press et al., 2nd ed., §6.2, `erfcc`): relative error below 1.2e-7
 * everywhere, ample for p-values and interval levels.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const tail =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  // tail = erfc(|x|/√2) = 2·(1 − Φ(|x|)); the approximation gives 1 + 3e-8 at 0, which would
  // put Φ(0) under ½ and a two-sided p-value over 1, so it is held at erfc's bound.
  const bounded = Math.min(1, tail);
  return x >= 0 ? 1 - bounded / 2 : bounded / 2;
}

/**
 * The standard normal quantile Φ⁻¹(p) for 0 < p < 1 (P. J. Acklam's rational approximation,
 * relative error below 1.15e-9).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    throw new RangeError(`evaluation: normal quantile needs 0 < p < 1, got ${p}`);
  }
  const a = [-39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269];
  const a4 = -30.66479806614716;
  const a5 = 2.506628277459239;
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972];
  const b4 = -13.28068155288572;
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734];
  const c4 = 4.374664141464968;
  const c5 = 2.938163982698783;
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3] = a as [number, number, number, number];
  const [b0, b1, b2, b3] = b as [number, number, number, number];
  const [c0, c1, c2, c3] = c as [number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const x =
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
    return p < low ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/** The z of a two-sided interval at `level` (0.95 → 1.95996…). */
export function zForLevel(level: number): number {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`evaluation: an interval level is between 0 and 1, got ${level}`);
  }
  return level === 0.95 ? Z_95 : normalQuantile(0.5 + level / 2);
}

/**
 * The Wilson score interval for `hits` successes in `n` trials (Wilson 1927): centre
 * (p̂ + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²). Unlike the Wald
 * interval it stays inside [0, 1] and is not of zero width at 0 or n hits, which matters for
 * the small counts of a hold-out. Returns null when n = 0.
 */
export function wilsonInterval(
  hits: number,
  n: number,
  level = 0.95,
): { lower: number; upper: number } | null {
  if (n === 0) return null;
  const z = zForLevel(level);
  const p = hits / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
