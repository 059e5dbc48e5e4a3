// Loads every .cypher file under cypher/ (and the .cypher-part pieces they include) at start-up
// and checks it against its declaration in server/db/queries.ts. It fails fast, before any
// query runs, when a declared file is missing, a file is not declared, or the $parameters a file
// uses differ from its header or its schema.
//
// A file's header is its leading `//` comment lines; one of them lists its parameters:
//   // params: $since, $limit        (or `// params: none`)
// A line `// include: views/parts/node-details` stands for the text of that part
// (cypher/views/parts/node-details.cypher-part): a piece that two queries share, never run
// alone. Its parameters count as the including file's.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { RingwatchError } from '../errors.js';
import { compactCypher } from './compact-cypher.js';
import { cypherDir } from '../paths.js';
import { migrationPrefix, queries, type QueryDef, type QueryName } from './queries.js';

export interface CypherFile {
  name: string;
  file: string;
  text: string;
  params: string[];
}

export class CypherRegistryError extends RingwatchError {
  override name = 'CypherRegistryError';
}

export class CypherRegistry {
  private constructor(private readonly files: Map<string, CypherFile>) {}

  static async load(dir: string = cypherDir): Promise<CypherRegistry> {
    const nameOf = (file: string, extension: string) =>
      path.relative(dir, file).replace(/\\/g, '/').slice(0, -extension.length);
    const parts = new Map<string, string>();
    for (const file of await listCypherFiles(dir, partExtension)) {
      parts.set(nameOf(file, partExtension), await readFile(file, 'utf8'));
    }
    const files = new Map<string, CypherFile>();
    for (const file of await listCypherFiles(dir, '.cypher')) {
      const name = nameOf(file, '.cypher');
      files.set(name, parseCypherFile(name, file, await readFile(file, 'utf8'), parts));
    }
    const problems: string[] = [];
    for (const name of Object.keys(queries)) {
      if (!files.has(name)) problems.push(`${name}.cypher is declared but missing`);
    }
    for (const [name, file] of files) {
      if (name.startsWith(migrationPrefix)) continue;
      const declared = (queries as Record<string, QueryDef>)[name];
      if (!declared) {
        problems.push(`${file.file} is not declared in server/db/queries.ts`);
        continue;
      }
      // A query declared with JSON rows (jsonRows) returns them in one column `json`, and only it.
      if (Boolean(declared.json) !== /\b[Aa][Ss]\s+json\s*$/.test(file.text)) {
        problems.push(
          declared.json
            ? `${file.file} is declared with JSON rows but does not end with \`AS json\``
            : `${file.file} ends with \`AS json\` but is not declared with jsonRows`,
        );
      }
      const schemaKeys = Object.keys(declared.params.shape).sort();
      if (schemaKeys.join() !== [...file.params].sort().join()) {
        problems.push(
          `${file.file} takes [${file.params.join(', ')}] but its schema has [${schemaKeys.join(', ')}]`,
        );
      }
    }
    if (problems.length > 0) {
      throw new CypherRegistryError(`cypher: ${problems.join('; ')}`);
    }
    return new CypherRegistry(files);
  }

  get(name: QueryName): CypherFile {
    const file = this.files.get(name);
    if (!file) throw new CypherRegistryError(`cypher: no query named ${name}`);
    return file;
  }

  /** The schema migrations (cypher/schema/*.cypher) in file-name order. */
  migrations(): CypherFile[] {
    return [...this.files.values()]
      .filter((f) => f.name.startsWith(migrationPrefix))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  names(): string[] {
    return [...this.files.keys()].sort();
  }
}

const partExtension = '.cypher-part';

async function listCypherFiles(dir: string, extension: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * The text with each `// include: part` line replaced by that part's text. Any other line that
 * looks like an include (a part's own, or one written otherwise) is refused: as a comment it
 * would vanish without a word.
 */
function withParts(file: string, text: string, parts: ReadonlyMap<string, string>): string {
  const expanded = text.replace(/^[ \t]*\/\/ include: (\S+)[ \t]*$/gm, (_, part: string) => {
    const included = parts.get(part);
    if (included === undefined) {
      throw new CypherRegistryError(
        `cypher: ${file} includes ${part}${partExtension}, which is missing`,
      );
    }
    return included.trimEnd();
  });
  const stray = /^[ \t]*\/\/\s*include\b.*$/m.exec(expanded);
  if (stray) {
    throw new CypherRegistryError(
      `cypher: ${file}: "${stray[0].trim()}" is not an include this registry reads ` +
        '(one line `// include: views/parts/name`, and parts include nothing)',
    );
  }
  return expanded;
}

export function parseCypherFile(
  name: string,
  file: string,
  source: string,
  parts: ReadonlyMap<string, string> = new Map(),
): CypherFile {
  const text = withParts(file, source, parts);
  const lines = text.split(/\r?\n/);
  const header = [];
  for (const line of lines) {
    if (!line.startsWith('//')) break;
    header.push(line.replace(/^\/\/\s?/, ''));
  }
  const paramsLine = header.find((l) => /^params:/i.test(l));
  if (paramsLine === undefined) {
    throw new CypherRegistryError(`cypher: ${file} has no "// params:" line in its header`);
  }
  const listed = paramsLine.replace(/^params:\s*/i, '').trim();
  const declared =
    listed === 'none'
      ? []
      : listed
          .split(/[,\s]+/)
          .filter(Boolean)
          .map((p) => p.replace(/^\$/, ''));
  const body = lines.slice(header.length).join('\n');
  if (body.trim() === '') throw new CypherRegistryError(`cypher: ${file} has no query`);
  const used = [
    ...new Set(
      [...stripStringsAndComments(body).matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1] ?? ''),
    ),
  ];
  const missing = used.filter((p) => !declared.includes(p));
  const unused = declared.filter((p) => !used.includes(p));
  if (missing.length > 0 || unused.length > 0) {
    throw new CypherRegistryError(
      `cypher: ${file}: header params [${declared.join(', ')}] do not match the query's [${used.join(', ')}]`,
    );
  }
  return { name, file, text: compactCypher(body), params: declared };
}

function stripStringsAndComments(cypher: string): string {
  return cypher
    .replace(/\/\/[^\n]*/g, '')
    .replace(/'(?:[^'\\]|\\.)*'/g, "''")
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
}
