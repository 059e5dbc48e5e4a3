// Node keys and the query-string helpers of the network views (no database).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BadInputError } from '../errors.js';
import { NodeKeySchema, parseNodeKey } from './node-key.js';
import { parseInput } from './parse-input.js';
import { BooleanParamSchema, listParam } from './view-input.js';

describe('node keys', () => {
  it('accepts Label:id for every label, and a contact id with its channel', () => {
    expect(parseNodeKey('Employer:E0-6772')).toEqual({ label: 'Employer', id: 'E0-6772' });
    expect(parseNodeKey('Contact:email:ab12.x_y')).toEqual({
      label: 'Contact',
      id: 'email:ab12.x_y',
    });
    expect(NodeKeySchema.safeParse('Community:C12').success).toBe(true);
  });

  it('refuses unknown labels, missing or malformed ids', () => {
    for (const key of [
      'Employer',
      'Employer:',
      'employer:E1',
      'Factory:E1',
      'Employer:E 1',
      'Employer:a:b:c',
      `Person:${'x'.repeat(65)}`,
      "Person:P1' OR 1=1",
    ]) {
      expect(NodeKeySchema.safeParse(key).success, key).toBe(false);
    }
    expect(() => parseNodeKey('Factory:E1')).toThrow();
  });
});

describe('query-string helpers', () => {
  const list = listParam(z.string(), { min: 1, max: 3 });

  it('splits comma-separated lists, also inside repeated parameters', () => {
    expect(list.parse('a, b,,c')).toEqual(['a', 'b', 'c']);
    expect(list.parse(['a,b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(list.safeParse('').success).toBe(false);
    expect(list.safeParse('a,b,c,d').success).toBe(false);
  });

  it('reads booleans as words, not as JavaScript truthiness', () => {
    expect(BooleanParamSchema.parse('false')).toBe(false);
    expect(BooleanParamSchema.parse('1')).toBe(true);
    expect(BooleanParamSchema.parse(true)).toBe(true);
    expect(BooleanParamSchema.safeParse('maybe').success).toBe(false);
  });

  it('parseInput turns schema errors into a BadInputError with the fields', () => {
    const schema = z.object({ nodes: listParam(NodeKeySchema, { min: 1 }) });
    const error = (() => {
      try {
        parseInput(schema, { nodes: 'Employer:E1,Bogus' }, 'views: bad test request');
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).fields.map((f) => f.path)).toEqual(['nodes.1']);
    expect((error as BadInputError).message).toMatch(/^views: bad test request: nodes\.1: /);
  });
});
