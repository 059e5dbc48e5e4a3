import { describe, expect, it } from 'vitest';
import { parseScoringConfig } from './scoring-config.js';

const capacity = { red: 10, orange: '5%', green: '10%' };

describe('scoring configuration', () => {
  it('has defaults for every area', () => {
    const config = parseScoringConfig(undefined, '(defaults)');
    expect(config.areas.employer.capacity.red).toBe('2%');
    expect(config.areas.internal.minLabels).toBe(20);
  });

  it('keeps the defaults of the areas a file does not mention', () => {
    const config = parseScoringConfig({ areas: { employer: { capacity } } }, 'x.yaml');
    expect(config.areas.employer.capacity.red).toBe(10);
    expect(config.areas.beneficiary.capacity.red).toBe('0.5%');
  });

  it.each(['nationality', 'sex', 'birth_year', 'f_nationality_share'])(
    'refuses the protected attribute %s as a model input',
    (name) => {
      expect(() =>
        parseScoringConfig(
          { areas: { beneficiary: { inputs: ['i_claims', name], capacity } } },
          'bad.yaml',
        ),
      ).toThrow(
        new RegExp(`configuration bad\\.yaml is refused:[\\s\\S]*'${name}', a protected attribute`),
      );
    },
  );

  it('refuses a protected attribute given a transform, and a malformed capacity', () => {
    expect(() =>
      parseScoringConfig(
        { areas: { beneficiary: { transforms: { sex: 'identity' }, capacity } } },
        'c',
      ),
    ).toThrow(/protected attribute/);
    expect(() =>
      parseScoringConfig(
        { areas: { employer: { capacity: { red: 'lots', orange: 1, green: 1 } } } },
        'c',
      ),
    ).toThrow(/a count such as 100 or a share such as "2%"/);
  });
});
