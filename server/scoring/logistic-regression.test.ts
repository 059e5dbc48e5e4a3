import { describe, expect, it } from 'vitest';
import { fitLogistic, linear, logit, penalisedLoss, sigmoid } from './logistic-regression.js';

/** A small deterministic generator (LCG) for test data. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('fitLogistic', () => {
  it('matches the closed-form maximum likelihood for one binary input', () => {
    // Group x=0: 2 positives of 10 → logit(0.2); group x=1: 6 of 8 → logit(0.75).
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 10; i++) {
      x.push(0);
      y.push(i < 2 ? 1 : 0);
    }
    for (let i = 0; i < 8; i++) {
      x.push(1);
      y.push(i < 6 ? 1 : 0);
    }
    const fit = fitLogistic(new Float64Array(x), new Uint8Array(y), { l2: 1e-10 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(logit(0.2), 6);
    expect(fit.coefficients[0]).toBeCloseTo(logit(0.75) - logit(0.2), 6);
  });

  it('converges on nearly separable labels with a small penalty', () => {
    // One heavy-tailed input that separates the labels but for two rows: the optimum is finite
    // (the penalty) but far out.
    const rand = lcg(3);
    const n = 300;
    const x = new Float64Array(n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = (rand() - 0.5) * (rand() < 0.05 ? 40 : 1);
      x[i] = v;
      y[i] = v > 0 !== (i === 7 || i === 11) ? 1 : 0;
    }
    const fit = fitLogistic(x, y, { l2: 0.01 });
    expect(fit.converged).toBe(true);
    // The objective cannot be lowered by moving the coefficient either way.
    for (const delta of [-1e-3, 1e-3]) {
      const moved = {
        intercept: fit.intercept,
        coefficients: Float64Array.of(fit.coefficients[0]! + delta),
      };
      expect(penalisedLoss(moved, x, y, 0.01)).toBeGreaterThanOrEqual(fit.loss);
    }
  });

  it('reaches a point where the penalised gradient vanishes', () => {
    const rand = lcg(7);
    const n = 400;
    const d = 3;
    const x = new Float64Array(n * d);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) x[i * d + j] = rand() * 2 - 1;
      const z = 0.5 + 2 * x[i * d]! - 1 * x[i * d + 1]!;
      y[i] = rand() < sigmoid(z) ? 1 : 0;
    }
    for (const l2 of [0.01, 1, 50]) {
      const fit = fitLogistic(x, y, { l2 });
      const grad = new Float64Array(d + 1);
      for (let i = 0; i < n; i++) {
        const r = y[i]! - sigmoid(linear(fit, x, i));
        grad[0] = grad[0]! + r;
        for (let j = 0; j < d; j++) grad[j + 1] = grad[j + 1]! + r * x[i * d + j]!;
      }
      for (let j = 0; j < d; j++) grad[j + 1] = grad[j + 1]! - l2 * fit.coefficients[j]!;
      for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-6);
      // The planted signs come back; a stronger penalty shrinks them.
      expect(fit.coefficients[0]).toBeGreaterThan(0);
      expect(fit.coefficients[1]).toBeLessThan(0);
    }
    const weak = fitLogistic(x, y, { l2: 0.01 });
    const strong = fitLogistic(x, y, { l2: 50 });
    expect(Math.abs(strong.coefficients[0]!)).toBeLessThan(Math.abs(weak.coefficients[0]!));
  });

  it('stays finite when an input separates the labels perfectly', () => {
    const x = new Float64Array([0, 0, 0, 1, 1, 1]);
    const y = new Uint8Array([0, 0, 0, 1, 1, 1]);
    const fit = fitLogistic(x, y, { l2: 1 });
    expect(Number.isFinite(fit.coefficients[0]!)).toBe(true);
    expect(fit.coefficients[0]).toBeGreaterThan(0);
  });

  it('gives the same coefficients for the same data', () => {
    const rand = lcg(3);
    const x = Float64Array.from({ length: 200 }, () => rand());
    const y = Uint8Array.from({ length: 100 }, () => (rand() < 0.3 ? 1 : 0));
    const a = fitLogistic(x, y, { l2: 1 });
    const b = fitLogistic(x, y, { l2: 1 });
    expect(Array.from(a.coefficients)).toEqual(Array.from(b.coefficients));
    expect(a.intercept).toBe(b.intercept);
  });

  it('treats a weight of 2 as the row twice', () => {
    const rand = lcg(11);
    const n = 120;
    const d = 2;
    const x = Float64Array.from({ length: n * d }, () => rand() * 2 - 1);
    const y = Uint8Array.from({ length: n }, (_, i) =>
      rand() < sigmoid(x[i * d]! - 0.5 * x[i * d + 1]!) ? 1 : 0,
    );
    const weights = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 2 : 1));
    // The duplicated design: every row of weight 2 appears twice.
    const rows: number[] = [];
    weights.forEach((w, i) => {
      for (let k = 0; k < w; k++) rows.push(i);
    });
    const xd = new Float64Array(rows.length * d);
    rows.forEach((r, i) => xd.set(x.subarray(r * d, r * d + d), i * d));
    const yd = Uint8Array.from(rows, (r) => y[r]!);
    for (const l2 of [0.1, 5]) {
      const weighted = fitLogistic(x, y, { l2, weights });
      const duplicated = fitLogistic(xd, yd, { l2 });
      expect(weighted.intercept).toBeCloseTo(duplicated.intercept, 9);
      weighted.coefficients.forEach((b, j) =>
        expect(b).toBeCloseTo(duplicated.coefficients[j]!, 9),
      );
      expect(weighted.loss).toBeCloseTo(duplicated.loss, 8);
    }
  });

  it('ignores rows of weight 0 and keeps unit weights identical to no weights', () => {
    const rand = lcg(5);
    const n = 80;
    const x = Float64Array.from({ length: n }, () => rand() * 2 - 1);
    const y = Uint8Array.from({ length: n }, (_, i) => (rand() < sigmoid(2 * x[i]!) ? 1 : 0));
    const plain = fitLogistic(x, y, { l2: 1 });
    const ones = fitLogistic(x, y, { l2: 1, weights: new Float64Array(n).fill(1) });
    expect(ones.intercept).toBe(plain.intercept);
    expect(Array.from(ones.coefficients)).toEqual(Array.from(plain.coefficients));
    // Ten extra rows of weight 0 change nothing.
    const xz = new Float64Array(n + 10);
    xz.set(x);
    xz.fill(5, n);
    const yz = new Uint8Array(n + 10);
    yz.set(y);
    const wz = new Float64Array(n + 10).fill(1).fill(0, n);
    const zeroed = fitLogistic(xz, yz, { l2: 1, weights: wz });
    expect(zeroed.intercept).toBeCloseTo(plain.intercept, 10);
    expect(zeroed.coefficients[0]).toBeCloseTo(plain.coefficients[0]!, 10);
    expect(() => fitLogistic(x, y, { l2: 1, weights: [1, 2] })).toThrow(/one sample weight/);
  });

  it('applies penalty factors per coefficient (0: unpenalised)', () => {
    // Two groups: x=1 has 6 of 8 positive, x=0 has 2 of 10; an unpenalised coefficient reaches
    // the maximum-likelihood log-odds ratio whatever the penalty on the others.
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 10; i++) {
      x.push(0, 0.1 * (i % 3));
      y.push(i < 2 ? 1 : 0);
    }
    for (let i = 0; i < 8; i++) {
      x.push(1, 0.1 * (i % 3));
      y.push(i < 6 ? 1 : 0);
    }
    const xs = new Float64Array(x);
    const ys = new Uint8Array(y);
    const free = fitLogistic(xs, ys, { l2: 1e3, penaltyFactors: [0, 1] });
    const ml = fitLogistic(xs, ys, { l2: 1e-10 });
    expect(free.coefficients[0]).toBeCloseTo(ml.coefficients[0]!, 2);
    expect(Math.abs(free.coefficients[1]!)).toBeLessThan(1e-2);
    expect(free.loss).toBeCloseTo(penalisedLoss(free, xs, ys, 1e3, { penaltyFactors: [0, 1] }), 12);
  });
});
