// The option lists the API itself declares: the enums of a route's query parameters in the
// OpenAPI document (GET /api/openapi.json, generated from the same zod schemas that check the
// requests), so the explorer offers exactly what the server accepts and never drifts from it.
import { api } from '../api.js';

interface Schema {
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema;
  $ref?: string;
}

interface Parameter {
  name: string;
  in: string;
  schema?: Schema;
}

export interface OpenApiDocument {
  paths?: Record<string, Record<string, { parameters?: Parameter[] } | undefined>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Every string a schema allows by enum or const, following $refs, unions and array items. */
export function enumValues(schema: Schema | undefined, doc: OpenApiDocument): string[] {
  const found: string[] = [];
  const seen = new Set<Schema>();
  const walk = (s: Schema | undefined) => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    if (s.$ref) {
      const name = s.$ref.replace(/^#\/components\/schemas\//, '');
      walk(doc.components?.schemas?.[name]);
    }
    for (const v of s.enum ?? []) if (typeof v === 'string') found.push(v);
    if (typeof s.const === 'string') found.push(s.const);
    for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(sub);
    walk(s.items);
  };
  walk(schema);
  return [...new Set(found)];
}

/** The enum of one query parameter of `GET path` (path as the document writes it). */
export function queryEnum(doc: OpenApiDocument, path: string, name: string): string[] {
  const parameter = doc.paths?.[path]?.get?.parameters?.find(
    (p) => p.in === 'query' && p.name === name,
  );
  return enumValues(parameter?.schema, doc);
}

let document: Promise<OpenApiDocument> | null = null;

/** The document, fetched once per page load (it changes only with the server's version). */
export function openApiDocument(): Promise<OpenApiDocument> {
  document ??= api.get<OpenApiDocument>('/openapi.json').catch((error: unknown) => {
    document = null; // try again next time
    throw error;
  });
  return document;
}
