// The rejects file: one CSV row per problem (file, line, column, value, reason), so a data
// steward can find and fix every rejected row; and the per-file tally of reasons for the summary.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';

export interface Reject {
  file: string;
  line: number;
  column: string;
  value: string;
  reason: string;
}

export const REJECT_COLUMNS = ['file', 'line', 'column', 'value', 'reason'] as const;

export class RejectsFile {
  private constructor(
    readonly path: string,
    private readonly out: WriteStream,
  ) {}

  static async open(file: string): Promise<RejectsFile> {
    await mkdir(path.dirname(file), { recursive: true });
    const out = createWriteStream(file);
    out.write(stringify([REJECT_COLUMNS]));
    return new RejectsFile(file, out);
  }

  /** Writes rejects; waits when the file cannot keep up. */
  async write(rejects: Reject[]): Promise<void> {
    if (rejects.length === 0) return;
    const text = stringify(rejects.map((r) => [r.file, r.line, r.column, r.value, r.reason]));
    if (!this.out.write(text))
      await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(resolve);
    });
  }
}

/** Counts reasons, keyed without the offending value so that alike problems add up. */
export class ReasonTally {
  private readonly counts = new Map<string, number>();

  add(reject: Pick<Reject, 'column' | 'reason'>): void {
    const key = reject.column ? `${reject.column}: ${reject.reason}` : reject.reason;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  top(n: number): { reason: string; count: number }[] {
    return [...this.counts]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
      .slice(0, n);
  }
}

export function defaultRejectsPath(dataset: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return path.resolve('rejects', `${path.basename(path.resolve(dataset))}-${stamp}.csv`);
}
