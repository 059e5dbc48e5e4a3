// Parses a service's input with its zod schema, turning a mismatch into a BadInputError (400)
// that names every field, so a service called directly (not through a route) checks too.
import type { z } from 'zod';
import { BadInputError } from '../errors.js';

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  module: string,
): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new BadInputError(
    `${module}: ${fields.map((f) => `${f.path || 'input'}: ${f.message}`).join('; ')}`,
    fields,
  );
}
