// Cursors handed out to continue a list: a small JSON value in base64url, opaque to clients
// and checked with its schema on the way back in (the caller says what is wrong in its words).
import type { z } from 'zod';

export function encodeOpaque(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The value a cursor holds, or undefined when it is not base64url JSON of that shape. */
export function decodeOpaque<S extends z.ZodType>(text: string, schema: S): z.infer<S> | undefined {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
