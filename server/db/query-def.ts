// The declaration of one named Cypher query: the zod schemas of its parameters and of its rows.
import type { z } from 'zod';

export interface QueryDef<P extends z.ZodObject = z.ZodObject, R extends z.ZodType = z.ZodType> {
  params: P;
  row: R;
}

export function query<P extends z.ZodObject, R extends z.ZodType>(
  params: P,
  row: R,
): QueryDef<P, R> {
  return { params, row };
}
