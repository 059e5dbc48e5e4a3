// The one place where values coming back from the driver become plain JavaScript: Neo4j
// integers become numbers (or an error when they do not fit), temporal values become ISO
// strings, nodes and relationships become their properties. Nothing driver-specific leaves
// the data layer. Queries that return many dates (timelines, edges) ask Cypher for their ISO
// text (`toString(r.start)`, the same text): the driver builds each Date with 64-bit Integer
// arithmetic, which was an eighth of the API's CPU on an employer's page. (Rows that come as
// JSON text are parsed instead: query-def.ts, `json`.)
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isRelationship,
  isTime,
} from 'neo4j-driver';
import { z } from 'zod';
import { RingwatchError } from '../errors.js';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  // Lists and maps first: the driver decodes maps as plain objects, and they hold most values
  // (a neighbourhood's rows: every edge a map). Driver types are instances of their classes.
  if (Array.isArray(value)) return value.map(toPlain);
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value);
  if (typeof value === 'bigint') return bigToNumber(value);
  if (neo4j.isInt(value)) {
    if (!neo4j.integer.inSafeRange(value)) {
      throw new RingwatchError(`db: integer ${value.toString()} is too large for JavaScript`);
    }
    return value.toNumber();
  }
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (typeof value === 'object') {
    // Node, Relationship: their properties.
    if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
    return plainMap(value);
  }
  throw new RingwatchError(`db: cannot convert a value of type ${typeof value}`);
}

function plainMap(object: object): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const [key, v] of Object.entries(object)) {
    // A property may be called __proto__: it stays a property, as Object.fromEntries keeps it.
    if (key === '__proto__') {
      Object.defineProperty(out, key, { value: toPlain(v), enumerable: true, writable: true });
    } else out[key] = toPlain(v);
  }
  return out;
}

function bigToNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RingwatchError(`db: integer ${value} is too large for JavaScript`);
  }
  return Number(value);
}

/**
 * A whole number sent to Neo4j as an Integer (a plain JavaScript number is always stored as a
 * Float): use it in a query's parameter schema, where the conversion happens on parsing.
 */
export const integerParam = z
  .number()
  .int()
  .transform((n) => neo4j.int(n));
