import { describe, expect, it } from 'vitest';
import { caseVariants } from './case-variants.js';

describe('caseVariants', () => {
  it('writes the beginning in every case, up to the letter cap', () => {
    expect(caseVariants('e0-8', 6)).toEqual(['e0-8', 'E0-8']);
    expect(caseVariants('ab', 6)).toEqual(['ab', 'aB', 'Ab', 'AB']);
    // Cut before the third letter: every match of "abc" begins with one of these.
    expect(caseVariants('abc', 2)).toEqual(['ab', 'aB', 'Ab', 'AB']);
    expect(caseVariants('12-3', 2)).toEqual(['12-3']);
    expect(caseVariants('été', 1)).toEqual(['é', 'É']);
  });
});
