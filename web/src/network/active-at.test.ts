import { describe, expect, it } from 'vitest';
import { activeAt, dateOfDay, dateSpan, dayNumber } from './active-at.js';

describe('activeAt', () => {
  it('keeps relations started on or before the date and not ended before it', () => {
    const job = { start: '2020-03-01', end: '2021-02-28' };
    expect(activeAt(job, '2020-02-29')).toBe(false);
    expect(activeAt(job, '2020-03-01')).toBe(true);
    expect(activeAt(job, '2021-02-28')).toBe(true);
    expect(activeAt(job, '2021-03-01')).toBe(false);
    expect(activeAt(job, null)).toBe(true);
  });

  it('takes a missing start or end as open', () => {
    expect(activeAt({ start: null, end: '2020-01-01' }, '1990-01-01')).toBe(true);
    expect(activeAt({ start: '2020-01-01', end: null }, '2030-01-01')).toBe(true);
    expect(activeAt({ start: null, end: null }, '2030-01-01')).toBe(true);
  });
});

describe('dateSpan and days', () => {
  it('spans the earliest and latest dates', () => {
    expect(
      dateSpan([
        { start: '2019-05-01', end: null },
        { start: null, end: '2023-01-31' },
        { start: '2018-12-31', end: '2019-01-01' },
      ]),
    ).toEqual({ from: '2018-12-31', to: '2023-01-31' });
    expect(dateSpan([{ start: null, end: null }])).toBeNull();
  });

  it('turns dates into day numbers and back', () => {
    for (const date of ['1970-01-01', '2020-02-29', '2025-12-31'])
      expect(dateOfDay(dayNumber(date))).toBe(date);
    expect(dayNumber('2020-03-01') - dayNumber('2020-02-28')).toBe(2);
  });
});
