import { describe, expect, it } from 'vitest';
import { maxRetryDelayMs, retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it('doubles from the base, half of each wait fixed and half jittered', () => {
    const low = () => 0;
    const high = () => 0.999_999;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000, low))).toEqual([
      15_000, 30_000, 60_000, 120_000,
    ]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000, high))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(retryDelayMs(2, 30_000, () => 0.5)).toBe(45_000);
  });

  it('never waits longer than the cap, and a base of 0 retries at once', () => {
    expect(retryDelayMs(40, 30_000, () => 0.999_999)).toBeLessThanOrEqual(maxRetryDelayMs);
    expect(retryDelayMs(40, 30_000, () => 0.999_999)).toBeGreaterThan(maxRetryDelayMs - 100);
    expect(retryDelayMs(40, 30_000, () => 0)).toBe(maxRetryDelayMs / 2);
    expect(retryDelayMs(3, 0, () => 0.7)).toBe(0);
  });
});
