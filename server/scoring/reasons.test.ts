import { describe, expect, it } from 'vitest';
import { logit } from './logistic-regression.js';
import { explain } from './model.js';
import { buildReasons, topReason } from './reasons.js';

describe('reasons', () => {
  const model = {
    intercept: -2,
    inputs: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((name) => ({
      name,
      kind: 'network' as const,
      transform: 'identity' as const,
      mean: 1,
      sd: 2,
    })),
    coefficients: [0.5, -0.25, 1, 0.1, 0.2, -0.3, 0.05, 2],
  };
  const raw: Record<string, number> = { a: 3, b: 5, c: NaN, d: 0, e: 9, f: 2, g: 4, h: 1 };

  it('add up exactly to the score: intercept + shown + other = log-odds', () => {
    const explanation = explain(model, (n) => raw[n]!);
    const reasons = buildReasons('m1', explanation, [], {}, new Map());
    const shown = reasons.contributions.reduce((s, c) => s + c.contribution, 0);
    expect(reasons.intercept + shown + reasons.otherContributions).toBeCloseTo(reasons.logOdds, 12);
    expect(logit(reasons.probability)).toBeCloseTo(reasons.logOdds, 9);
    // By hand: z = (x − 1) / 2; a: 0.5·1 = 0.5, b: −0.25·2 = −0.5, c missing → 0, d: 0.1·−0.5,
    // e: 0.2·4 = 0.8, f: −0.3·0.5, g: 0.05·1.5, h: 2·0 = 0 → total 0.675.
    expect(reasons.logOdds).toBeCloseTo(-2 + 0.675, 12);
    expect(reasons.contributions.map((c) => c.input)).toEqual(['e', 'a', 'b', 'f', 'g', 'd']);
    expect(reasons.contributions.find((c) => c.input === 'c')).toBeUndefined();
  });

  it('puts the strongest fired rule first in the one-line reason', () => {
    const explanation = explain(model, (n) => raw[n]!);
    const hit = { offences: ['phoenix'], pattern: 'phoenix', reads: ['a'] };
    const hits = [
      { ...hit, id: 'r1', weight: 1, reason: 'weak' },
      { ...hit, id: 'r2', weight: 2, reason: 'strong' },
    ];
    expect(topReason(buildReasons('m1', explanation, hits, {}, new Map()))).toBe('strong');
    expect(topReason(buildReasons('m1', explanation, [], {}, new Map()))).toMatch(/^e: 9$/);
  });
});
