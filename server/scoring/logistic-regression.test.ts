import { describe, expect, it } from 'vitest';
import { fitLogistic, linear, logit, sigmoid } from './logistic-regression.js';

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
});
