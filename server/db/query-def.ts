// The declaration of one named Cypher query: the zod schemas of its parameters and of its rows.
import type { z } from 'zod';

export interface QueryDef<P extends z.ZodObject = z.ZodObject, R extends z.ZodType = z.ZodType> {
  params: P;
  row: R;
  /**
   * The statement run for the given (checked) parameters, made from the file's text: for a
   * file that is valid on its own but that Neo4j runs faster with names written out.
   */
  statement?: (text: string, params: z.output<P>) => string;
  /**
   * Each row comes as the JSON text of a map, in the one column `json`
   * (`RETURN apoc.convert.toJson({…}) AS json`), and is parsed here before its schema checks
   * it. For rows of many small values (an entity page, a neighbourhood): the driver decodes a
   * map key by key in JavaScript, and that was a quarter of the API's CPU on such views; one
   * text and `JSON.parse` cost a fraction of it. Only for values that JSON carries as they are:
   * finite numbers (APOC writes NaN and Infinity as strings), whole numbers within 2^53 (beyond,
   * `JSON.parse` rounds them where the driver's decoding refused them), and temporal values the
   * query turns into text itself where their format matters (`toString`; an entity's `f_at` and
   * `risk_at` come as Java's ISO text, which `isoInstant` reads like the driver's).
   */
  json?: boolean;
}

export function query<P extends z.ZodObject, R extends z.ZodType>(
  params: P,
  row: R,
  statement?: (text: string, params: z.output<P>) => string,
): QueryDef<P, R> {
  return statement ? { params, row, statement } : { params, row };
}

/** `def`, its rows sent as JSON text (QueryDef.json). */
export function jsonRows<P extends z.ZodObject, R extends z.ZodType>(
  def: QueryDef<P, R>,
): QueryDef<P, R> {
  return { ...def, json: true };
}
