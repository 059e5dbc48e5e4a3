import { describe, expect, it } from 'vitest';
import {
  capitalised,
  formatCount,
  formatDate,
  formatEuros,
  formatInstant,
  formatPeriod,
  formatScore,
  formatSigned,
  formatValue,
  isProtected,
  sentence,
  shownProperties,
  unitLabel,
  words,
} from './format.js';

describe('formatting', () => {
  it('writes counts, scores and signed contributions', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatScore(0.87349)).toBe('0.873');
    expect(formatScore(null)).toBe('–');
    expect(formatSigned(0.523)).toBe('+0.52');
    expect(formatSigned(-0.3149)).toBe('−0.31');
    expect(formatSigned(0.001)).toBe('0.00');
    expect(formatSigned(-0.004)).toBe('0.00');
  });

  it('turns codes into words and sentences', () => {
    expect(words('fictitious_employment')).toBe('fictitious employment');
    expect(words(null)).toBe('');
    expect(capitalised('benefit_while_working')).toBe('Benefit while working');
    expect(sentence('claims overlap a job at E1_2')).toBe('Claims overlap a job at E1_2');
  });

  it('writes dates, periods and instants', () => {
    expect(formatDate('2021-02-03')).toBe('3 Feb 2021');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDate(null)).toBe('');
    expect(formatPeriod('2021-02-03', null)).toBe('since 3 Feb 2021');
    expect(formatPeriod('2021-02-03', '2022-12-31')).toBe('3 Feb 2021 – 31 Dec 2022');
    expect(formatPeriod('2021-02-03', '2021-02-03')).toBe('3 Feb 2021');
    expect(formatPeriod(null, '2021-02-03')).toBe('until 3 Feb 2021');
    expect(formatPeriod(null, null)).toBe('undated');
    expect(formatInstant('2025-12-31T14:05:09.123Z')).toBe('31 Dec 2025, 14:05 UTC');
  });

  it('writes a value as its unit asks, and the unit column only where needed', () => {
    expect(formatValue(0.25, 'share (0–1)')).toBe('25 %');
    expect(formatValue(0.034, 'share (0–1)')).toBe('3.4 %');
    expect(formatValue(12500, 'euros')).toBe('€12,500');
    expect(formatEuros(999.6)).toBe('€1,000');
    expect(formatValue(1, 'boolean')).toBe('yes');
    expect(formatValue(false, null)).toBe('no');
    expect(formatValue(10234, 'id')).toBe('10234');
    expect(formatValue(3, 'claims')).toBe('3');
    expect(formatValue(0.000123456, 'probability')).toBe('0.000123');
    expect(formatValue(null, 'days')).toBe('–');
    expect(formatValue('F41.20', null)).toBe('F41.20');
    expect(unitLabel('claims')).toBe('claims');
    expect(unitLabel('share (0–1)')).toBe('');
    expect(unitLabel('euros')).toBe('');
    expect(unitLabel(null)).toBe('');
  });

  it('never shows a protected attribute', () => {
    for (const name of [
      'sex',
      'nationality',
      'birth_year',
      'birthYear',
      'f_birth_decade',
      'gender',
    ])
      expect(isProtected(name)).toBe(true);
    for (const name of ['region', 'municipality', 'f_sector_share', 'status'])
      expect(isProtected(name)).toBe(false);
    const person = {
      birth_year: 1971,
      sex: 'F',
      nationality: 'BE',
      region: 'BE21',
      municipality: 'Mechelen',
    };
    expect(shownProperties(person)).toEqual([
      ['region', 'BE21'],
      ['municipality', 'Mechelen'],
    ]);
  });
});
