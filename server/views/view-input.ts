// Input helpers shared by the network views: query-string lists and booleans (parse-input.ts
// turns a schema mismatch into the BadInputError).
import { z } from 'zod';

/**
 * A list from a query string: a comma-separated string split on commas (empty items dropped),
 * or an array (repeated parameters) whose strings are split the same way, so that
 * `?nodes=Employer:E1,Person:P7` and `?nodes=Employer:E1&nodes=Person:P7` both parse.
 */
export function listParam<T extends z.ZodType>(
  item: T,
  bounds: { min?: number; max?: number } = {},
) {
  let list = z.array(item);
  if (bounds.min !== undefined) list = list.min(bounds.min);
  if (bounds.max !== undefined) list = list.max(bounds.max);
  const split = (value: string) =>
    value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return z.preprocess(
    (value) =>
      typeof value === 'string'
        ? split(value)
        : Array.isArray(value)
          ? value.flatMap((v: unknown) => (typeof v === 'string' ? split(v) : [v]))
          : value,
    list,
  );
}

/** A boolean from a query string: true/false, 1/0, yes/no (z.coerce.boolean takes "false" as true). */
export const BooleanParamSchema = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return value;
}, z.boolean());
