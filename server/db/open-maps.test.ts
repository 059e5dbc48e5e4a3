// The row schemas of open maps and lists accept what z.record and z.array of the same values
// did, and refuse the rest.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openMap, scalarList, scalarMap } from './open-maps.js';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const records = {
  openMap: z.record(z.string(), z.unknown()),
  scalarMap: z.record(z.string(), scalar),
  scalarList: z.array(scalar),
};

const samples: unknown[] = [
  {},
  { contract: 'permanent', hours: 40, wage: 2031.74, ended: false, note: null },
  { nested: { a: 1 } },
  { list: [1, 2] },
  { missing: undefined },
  [],
  ['a'],
  ['permanent', 40, 2031.74, false, null],
  [1, NaN],
  [Infinity],
  [{ a: 1 }],
  [[1]],
  [undefined],
  // eslint-disable-next-line no-sparse-arrays
  [1, , 2],
  null,
  'text',
  7,
  undefined,
  { nan: NaN },
  { infinite: Infinity },
  { date: new Date(0) },
  new Date(0),
  new Map([['a', 1]]),
  new (class Facts {
    hours = 40;
  })(),
  Object.assign(Object.create(null) as object, { hours: 40 }),
];

describe('open maps in row schemas', () => {
  for (const [name, schema] of Object.entries({ openMap, scalarMap, scalarList })) {
    it(`${name} accepts what z.record or z.array of its values accepts, sample by sample`, () => {
      const record = records[name as keyof typeof records];
      for (const sample of samples) {
        expect(schema.safeParse(sample).success, JSON.stringify(sample)).toBe(
          record.safeParse(sample).success,
        );
      }
    });
  }

  it('passes a valid map or list through unchanged', () => {
    const facts = { contract: 'permanent', hours: 40 };
    expect(scalarMap.parse(facts)).toEqual(facts);
    expect(scalarList.parse(['permanent', 40, null])).toEqual(['permanent', 40, null]);
  });
});
