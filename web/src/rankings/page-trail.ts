// The API pages forward only (a keyset cursor per page). To go back a page, and to number the
// rows, the explorer remembers for each cursor it followed which page came before and how many
// rows lay before it. A page reached from a bookmark has no known predecessor: the table then
// offers the first page instead of the previous one.

export interface TrailStep {
  /** The cursor of the page before ('' for the first page). */
  previous: string;
  /** Rows before this page; null when the page before was reached from a bookmark. */
  offset: number | null;
}

export class PageTrail {
  private readonly steps = new Map<string, TrailStep>();

  /** Going from page `from` (with `rows` rows on it) to the page at cursor `to`. */
  followed(from: string, rows: number, to: string): void {
    const before = this.offsetOf(from);
    const offset = before === null ? null : before + rows;
    this.steps.set(to, { previous: from, offset });
  }

  /** The cursor of the page before ('' = the first page), or null when it is not known. */
  previousOf(cursor: string): string | null {
    if (cursor === '') return null;
    return this.steps.get(cursor)?.previous ?? null;
  }

  /** Rows before the page at `cursor` (0 for the first page), or null when not known. */
  offsetOf(cursor: string): number | null {
    if (cursor === '') return 0;
    return this.steps.get(cursor)?.offset ?? null;
  }
}
