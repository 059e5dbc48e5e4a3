// How the evaluation report writes numbers and tables in Markdown, one way throughout: rates and
// AUCs with three decimals, shares as percentages with one decimal, intervals in square brackets.
import type { Estimate, Interval, Proportion } from './metric-schemas.js';

export const NA = 'n/a';

/** A number with three decimals, or n/a. */
export const dec = (x: number | null | undefined): string =>
  x === null || x === undefined ? NA : x.toFixed(3);
/** A share as a percentage with one decimal, or n/a. */
export const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? NA : `${(x * 100).toFixed(1)} %`;
export const range = (i: Interval | null, f: (x: number) => string) =>
  i === null ? '' : ` [${f(i.lower)}, ${f(i.upper)}]`;
/** A p-value with three decimals, '< 0.001' below that, or n/a. */
export const pValue = (p: number | null): string =>
  p === null ? NA : p < 0.001 ? '< 0.001' : p.toFixed(3);
export const est = (e: Estimate) => (e.value === null ? NA : dec(e.value));
export const prop = (p: Proportion) =>
  p.rate === null
    ? `${NA} (0 labelled)`
    : `${pct(p.rate)}${range(p.interval, pct)} (${p.hits} of ${p.n})`;

/** One table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured Markdown table; `right` marks numeric columns. */
export function table(header: string[], rows: string[][], right: boolean[] = []): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = header.map((_, i) => (right[i] ? '---:' : '---'));
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}
