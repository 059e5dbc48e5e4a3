// Row schemas for the open maps the view queries return (a node's properties, a relation's facts
// or attributes) and for lists of facts, checked by a function rather than z.record or z.array: a row's keys are strings already
// (rows are JSON text or driver maps made plain, values.ts), and z.record ran a schema on every
// key and every value. An employer's page has one such map for each relation in its timeline:
// checking its row took 0.051 ms of Node CPU with z.record and 0.014 with these (bench/api.ts
// rows, 2026-12-06). Row schemas are internal (answers keep their zod schemas, which the OpenAPI
// document is made from). The feature rows of an analysis are checked with the same two tests
// (analytics-queries.ts).
import { z } from 'zod';

export type Scalar = string | number | boolean | null;

/** As z.number(): finite numbers only. */
export const isScalar = (v: unknown): v is Scalar =>
  v === null ||
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  (typeof v === 'number' && Number.isFinite(v));

/** As z.record: a plain object, not an array, a Date, a Map or another class's instance. */
export const isObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const prototype: unknown = Object.getPrototypeOf(v);
  return prototype === Object.prototype || prototype === null;
};

/** An object of any values: the reader checks each value it uses. */
export const openMap = z.custom<Record<string, unknown>>(isObject, 'expected an object');

/** An object of strings, numbers, booleans and nulls. */
export const scalarMap = z.custom<Record<string, Scalar>>(
  (v) => isObject(v) && Object.values(v).every(isScalar),
  'expected an object of strings, numbers, booleans and nulls',
);

/** An array of strings, numbers, booleans and nulls (an event's facts: entity-queries.ts). */
export const scalarList = z.custom<Scalar[]>((v) => {
  if (!Array.isArray(v)) return false;
  // Not `every`, which skips the holes of a sparse array, where z.array checks `undefined`.
  for (let i = 0; i < v.length; i++) if (!isScalar(v[i])) return false;
  return true;
}, 'expected an array of strings, numbers, booleans and nulls');
