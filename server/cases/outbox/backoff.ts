// When to try an outbox message again after a failed attempt: exponential back-off with jitter
// (the "equal jitter" of Brooker, "Exponential Backoff and Jitter", AWS Architecture Blog 2015):
// half of each wait is fixed and half random, so messages that failed together — a receiver
// down — do not all come back at the same instant, yet none comes back much sooner than planned.

/** The longest wait between two attempts, whatever the base and the attempt. */
export const maxRetryDelayMs = 6 * 3_600_000;

/**
 * The wait after the `attempt`-th failed attempt (1 = the first): `baseMs · 2^(attempt − 1)`,
 * at most `capMs`, of which the second half is scaled by `rng()` (a number in [0, 1)).
 */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  rng: () => number = Math.random,
  capMs: number = maxRetryDelayMs,
): number {
  const delay = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(delay / 2 + rng() * (delay / 2));
}
