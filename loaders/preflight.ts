// Whole-folder checks that run before anything is written: the manifest and its contract
// version, the required files, every file's encoding (UTF-8) and header (every contract column
// present; extra columns are ignored with a warning). A problem here stops the load with a
// message naming the file and what to fix.
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FILES, LOAD_ORDER, type FileName } from '../contract/files.js';
import { Manifest } from '../contract/manifest.js';
import { BadInputError } from '../server/errors.js';
import { readCsvRecords } from './csv-records.js';

export interface PlannedFile {
  name: FileName;
  file: string;
  path: string;
  bytes: number;
  /** Physical lines, at least as many as the rows (a quoted field may span several). */
  lines: number;
  /** For each contract column, its index in the file's header. */
  columnIndex: Record<string, number>;
  headerLength: number;
}

export interface Plan {
  dir: string;
  manifest: Manifest;
  files: PlannedFile[];
  warnings: string[];
}

export class DatasetError extends BadInputError {
  override name = 'DatasetError';
}

export async function preflight(dir: string): Promise<Plan> {
  if (!existsSync(dir) || !(await stat(dir)).isDirectory()) {
    throw new DatasetError(
      `load: ${dir} is not a folder; give the folder that holds the CSV files and manifest.json`,
    );
  }
  const manifest = await readManifest(dir);
  const warnings: string[] = [];
  const files: PlannedFile[] = [];
  const known = new Set(Object.values(FILES).map((f) => f.file));
  for (const entry of await readdir(dir)) {
    if (entry !== 'manifest.json' && !known.has(entry)) {
      warnings.push(`${entry}: not a file of the contract; ignored`);
    }
  }
  for (const name of LOAD_ORDER) {
    const spec = FILES[name];
    const file = path.join(dir, spec.file);
    if (!existsSync(file)) {
      if (spec.required) {
        throw new DatasetError(
          `load: ${spec.file} is missing from ${dir}; it is required by the contract (CONTRACT.md)`,
        );
      }
      continue;
    }
    const lines = await checkUtf8(file, spec.file);
    const header = await readHeader(file, spec.file);
    const columnIndex: Record<string, number> = {};
    const missing = spec.columns.filter((c) => !header.includes(c));
    if (missing.length > 0) {
      throw new DatasetError(
        `load: ${spec.file} lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; its header must name every column of CONTRACT.md (in any order)`,
      );
    }
    const duplicated = header.filter((c, i) => header.indexOf(c) !== i);
    if (duplicated.length > 0) {
      throw new DatasetError(
        `load: ${spec.file} names the column ${duplicated.join(', ')} twice in its header; keep one`,
      );
    }
    for (const column of spec.columns) columnIndex[column] = header.indexOf(column);
    const extra = header.filter((c) => !spec.columns.includes(c));
    if (extra.length > 0)
      warnings.push(
        `${spec.file}: extra column${extra.length > 1 ? 's' : ''} ${extra.join(', ')} ignored`,
      );
    files.push({
      name,
      file: spec.file,
      path: file,
      bytes: (await stat(file)).size,
      lines,
      columnIndex,
      headerLength: header.length,
    });
  }
  return { dir, manifest, files, warnings };
}

async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, 'manifest.json');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new DatasetError(
      `load: ${file} is missing; add {"contract": "1", "source": "…", "extracted_on": "YYYY-MM-DD"} (CONTRACT.md)`,
    );
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(
      `load: manifest.json is not valid JSON (${(error as Error).message}); fix it`,
    );
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    throw new DatasetError(
      `load: manifest.json: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Streams the whole file through a strict UTF-8 decoder; counts its lines on the way. */
async function checkUtf8(file: string, name: string): Promise<number> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  let lines = 1;
  try {
    for await (const chunk of createReadStream(file, {
      highWaterMark: 1 << 20,
    }) as AsyncIterable<Buffer>) {
      decoder.decode(chunk, { stream: true });
      offset += chunk.length;
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
    }
    decoder.decode();
    return lines;
  } catch {
    throw new DatasetError(
      `load: ${name} is not UTF-8 (invalid bytes near byte ${offset}); export it as UTF-8 (e.g. iconv -f latin1 -t utf-8)`,
    );
  }
}

async function readHeader(file: string, name: string): Promise<string[]> {
  const stream = createReadStream(file, { encoding: 'utf8', end: 64 * 1024 });
  try {
    for await (const items of readCsvRecords(stream)) {
      const first = items[0];
      if (first === undefined) continue;
      if ('problem' in first)
        throw new DatasetError(`load: ${name}: the header line is unreadable (${first.problem})`);
      return first.fields.map((f) => f.trim());
    }
  } finally {
    stream.destroy();
  }
  throw new DatasetError(`load: ${name} is empty; it needs at least its header row`);
}
