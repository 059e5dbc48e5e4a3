import { describe, expect, it } from 'vitest';
import { seededRng } from '../analytics/rng.js';
import { explain, probabilities } from './model.js';

describe('probabilities', () => {
  it('gives every row exactly what explain gives it, missing values and columns included', () => {
    const rng = seededRng('model-test');
    const rows = 200;
    const column = (missingEvery: number) =>
      Float64Array.from({ length: rows }, (_, i) => (i % missingEvery === 0 ? NaN : rng() * 50));
    const columns = new Map([
      ['a', column(7)],
      ['b', column(3)],
    ]);
    const model = {
      intercept: -1.3,
      coefficients: [0.8, -0.4, 2],
      inputs: [
        { name: 'a', kind: 'network' as const, transform: 'log1p' as const, mean: 2.1, sd: 0.9 },
        { name: 'b', kind: 'intrinsic' as const, transform: 'identity' as const, mean: 20, sd: 11 },
        {
          name: 'absent',
          kind: 'rule' as const,
          transform: 'identity' as const,
          mean: 0.2,
          sd: 0.4,
        },
      ],
    };
    const all = probabilities(model, (name) => columns.get(name), rows);
    for (let row = 0; row < rows; row++) {
      const one = explain(model, (name) => columns.get(name)?.[row] ?? NaN);
      expect(all[row]).toBe(one.probability);
    }
  });
});
