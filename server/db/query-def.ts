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
}

export function query<P extends z.ZodObject, R extends z.ZodType>(
  params: P,
  row: R,
  statement?: (text: string, params: z.output<P>) => string,
): QueryDef<P, R> {
  return statement ? { params, row, statement } : { params, row };
}
