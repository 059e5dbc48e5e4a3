// The date-time of an entity's analysis and scoring runs, as the entity page shows it, from
// each text the database gives it: the driver's (nanoseconds) and Java's ISO text (APOC's JSON
// rows: milliseconds, or no seconds at all when they are zero).
import { describe, expect, it } from 'vitest';
import { isoInstant } from './entity-features.js';

describe('isoInstant', () => {
  it('reads the driver’s and Java’s ISO texts of one instant alike', () => {
    for (const text of [
      '2026-12-05T23:28:32.947000000Z',
      '2026-12-05T23:28:32.947Z',
      '2026-12-06T00:28:32.947+01:00',
    ]) {
      expect(isoInstant(text)).toBe('2026-12-05T23:28:32.947Z');
    }
    expect(isoInstant('2026-12-05T05:10Z')).toBe('2026-12-05T05:10:00.000Z');
  });

  it('gives null for what is not a date-time', () => {
    for (const value of [null, undefined, 17, 'soon', '']) expect(isoInstant(value)).toBeNull();
  });
});
