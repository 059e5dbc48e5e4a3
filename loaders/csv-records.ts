// A streaming RFC 4180 record reader that recovers from malformed records.
//
// Why not csv-parse or papaparse: both were tried. After a malformed quote (`7,"bad"quote,9`)
// or an unterminated quoted field, csv-parse (skip_records_with_error) and papaparse swallow
// every following record of the file, so one bad row loses all its valid neighbours — the
// opposite of what the contract asks ("nothing valid is lost because of a bad neighbour").
// This reader reports the bad record with its physical line number and resumes at the next
// line. Quoted fields may span lines (their line breaks come back as "\n"); a quoted field
// still open after MAX_RECORD_LINES lines or MAX_RECORD_CHARS characters is reported as
// unterminated and reading resumes at the line after the one where it opened.

export const MAX_RECORD_LINES = 100;
export const MAX_RECORD_CHARS = 64 * 1024;

export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  problem: string;
  raw: string;
}

export type CsvItem = CsvRecord | CsvProblem;

export function isProblem(item: CsvItem): item is CsvProblem {
  return 'problem' in item;
}

type LineParse =
  | { kind: 'done'; fields: string[] }
  | { kind: 'open'; fields: string[]; partial: string }
  | { kind: 'error'; problem: string };

/**
 * Parses one physical line, continuing a quoted field `partial` carried from earlier lines.
 * Fast path: a line without quotes is a plain split.
 */
function parseLine(line: string, carried: { fields: string[]; partial: string } | null): LineParse {
  if (carried === null && !line.includes('"')) return { kind: 'done', fields: line.split(',') };
  const fields = carried ? carried.fields : [];
  let i = 0;
  let inQuotes = carried !== null;
  let field = carried ? carried.partial + '\n' : '';
  const n = line.length;
  for (;;) {
    if (inQuotes) {
      const close = line.indexOf('"', i);
      if (close === -1) {
        return { kind: 'open', fields, partial: field + line.slice(i) };
      }
      field += line.slice(i, close);
      if (line.charCodeAt(close + 1) === 34 /* " */) {
        field += '"';
        i = close + 2;
        continue;
      }
      i = close + 1;
      inQuotes = false;
      if (i === n) {
        fields.push(field);
        return { kind: 'done', fields };
      }
      if (line.charCodeAt(i) !== 44 /* , */) {
        return { kind: 'error', problem: `malformed quoting: characters after a closing quote` };
      }
      fields.push(field);
      field = '';
      i += 1;
      if (i === n) {
        fields.push('');
        return { kind: 'done', fields };
      }
      continue;
    }
    // Start of an unquoted or quoted field at i.
    if (line.charCodeAt(i) === 34) {
      inQuotes = true;
      i += 1;
      continue;
    }
    const comma = line.indexOf(',', i);
    const end = comma === -1 ? n : comma;
    const value = line.slice(i, end);
    if (value.includes('"')) {
      return { kind: 'error', problem: 'malformed quoting: a quote inside an unquoted field' };
    }
    fields.push(value);
    if (comma === -1) return { kind: 'done', fields };
    i = comma + 1;
    if (i === n) {
      fields.push('');
      return { kind: 'done', fields };
    }
  }
}

/**
 * Turns numbered physical lines into records, re-reading the lines of a record that turns out
 * to be malformed (all but its first) as records of their own.
 */
class RecordAssembler {
  private pending: { text: string; no: number }[] = [];
  private carried: { fields: string[]; partial: string } | null = null;
  private chars = 0;
  private out: CsvItem[] = [];

  /** What has been read since the last drain. */
  drain(): CsvItem[] {
    const items = this.out;
    this.out = [];
    return items;
  }

  problem(item: CsvProblem): void {
    this.out.push(item);
  }

  line(text: string, no: number): void {
    const queue = [{ text: text.endsWith('\r') ? text.slice(0, -1) : text, no }];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (this.carried === null && next.text === '') continue; // a blank line is no record
      this.pending.push(next);
      this.chars += next.text.length;
      const parsed = parseLine(next.text, this.carried);
      if (parsed.kind === 'done') {
        this.out.push({ line: this.start(), fields: parsed.fields });
        this.reset();
      } else if (parsed.kind === 'open') {
        this.carried = { fields: parsed.fields, partial: parsed.partial };
        if (this.pending.length >= MAX_RECORD_LINES || this.chars > MAX_RECORD_CHARS) {
          queue.unshift(...this.abandon());
        }
      } else if (this.pending.length > 1) {
        // The quote opened on the record's first line is the culprit.
        queue.unshift(...this.abandon());
      } else {
        this.out.push({ line: next.no, problem: parsed.problem, raw: truncate(next.text) });
        this.reset();
      }
    }
  }

  /** End of input: a record still open is unterminated; its later lines are read again. */
  end(): void {
    while (this.carried !== null) {
      const replay = this.abandon();
      for (const l of replay) this.line(l.text, l.no);
    }
  }

  private start(): number {
    return this.pending[0]?.no ?? 0;
  }

  private abandon(): { text: string; no: number }[] {
    const first = this.pending[0];
    this.out.push({
      line: this.start(),
      problem: 'malformed quoting: a quoted field is never closed',
      raw: truncate(first?.text ?? ''),
    });
    const replay = this.pending.slice(1);
    this.reset();
    return replay;
  }

  private reset(): void {
    this.pending = [];
    this.carried = null;
    this.chars = 0;
  }
}

/**
 * Reads records from decoded text chunks. Yields arrays (one per input chunk) of records and
 * problems in file order; `line` is the 1-based physical line where the record starts.
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<CsvItem[]> {
  let rest = '';
  let lineNo = 0;
  let first = true;
  let skipping = false; // inside a physical line too long to be a record
  const records = new RecordAssembler();
  for await (let chunk of chunks) {
    if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    first = false;
    rest += chunk;
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', start)) {
      lineNo += 1;
      if (skipping) skipping = false;
      else records.line(rest.slice(start, nl), lineNo);
      start = nl + 1;
    }
    rest = rest.slice(start);
    if (!skipping && rest.length > MAX_RECORD_CHARS) {
      records.problem({
        line: lineNo + 1,
        problem: `record longer than ${MAX_RECORD_CHARS} characters`,
        raw: truncate(rest),
      });
      skipping = true;
    }
    if (skipping) rest = '';
    const items = records.drain();
    if (items.length > 0) yield items;
  }
  if (rest !== '' && !skipping) records.line(rest, lineNo + 1);
  records.end();
  const items = records.drain();
  if (items.length > 0) yield items;
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
