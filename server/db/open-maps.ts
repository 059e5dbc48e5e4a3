// Row schemas for the open maps the view queries return (a node's properties, a relation's facts
// or attributes), checked by a function rather than z.record: a JSON object's keys are strings
// already, and z.record ran a schema on every key and every value. An employer's page has one
// such map for each relation in its timeline: checking its row took 0.051 ms of Node CPU with
// z.record and 0.014 with these (bench/api.ts rows, 2026-12-06). Row schemas are internal
// (answers keep their zod schemas, which the OpenAPI document is made from).
import { z } from 'zod';

export type Scalar = string | number | boolean | null;

const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object of any values: the reader checks each value it uses. */
export const openMap = z.custom<Record<string, unknown>>(isObject, 'expected an object');

/** An object of strings, numbers, booleans and nulls. */
export const scalarMap = z.custom<Record<string, Scalar>>(
  (v) => isObject(v) && Object.values(v).every(isScalar),
  'expected an object of strings, numbers, booleans and nulls',
);
