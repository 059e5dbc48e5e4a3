// How the rankings and entity pages write numbers, codes and dates: one way everywhere, in
// British English (the project's language), and never a protected attribute.

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A count: 12,345. */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** A score (a probability, 0–1) with three decimals: 0.873. */
export function formatScore(score: number | null | undefined): string {
  return typeof score === 'number' && Number.isFinite(score) ? score.toFixed(3) : '–';
}

/** A contribution to the log-odds, always signed so up and down read apart: +0.52, −0.31. */
export function formatSigned(x: number): string {
  const text = Math.abs(x).toFixed(2);
  if (text === '0.00') return '0.00';
  return `${x > 0 ? '+' : '−'}${text}`;
}

/** A code as words: `fictitious_employment` → `fictitious employment`. */
export function words(code: string | null | undefined): string {
  return code ? code.replace(/_/g, ' ') : '';
}

/** The same with a capital first letter, for headings and table cells that start a sentence. */
export function capitalised(code: string | null | undefined): string {
  return sentence(words(code));
}

/** A text as a sentence starts: its first letter capital, nothing else changed. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A calendar date (YYYY-MM-DD) as `3 Feb 2021`; the text as it came when it is not a date. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const month = months[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : date;
}

/** A period: `3 Feb 2021 – 5 Mar 2022`, `since 3 Feb 2021`, or `undated`. */
export function formatPeriod(start: string | null, end: string | null): string {
  if (!start && !end) return 'undated';
  if (!end) return `since ${formatDate(start)}`;
  if (!start) return `until ${formatDate(end)}`;
  if (start === end) return formatDate(start);
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** A date-time (ISO) as `3 Feb 2021, 14:05` in UTC. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = formatDate(iso.slice(0, 10));
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return time ? `${date}, ${time} UTC` : date;
}

/** Money in euros without cents: €12,345. */
export function formatEuros(x: number): string {
  return `€${integer.format(x)}`;
}

/**
 * A feature's or property's value as its unit (from the feature registry) asks: a share (0–1) as
 * per cent, euros as money, an id or a boolean as such, other numbers plain (the unit is shown
 * beside them). Undefined and null as a dash.
 */
export function formatValue(value: unknown, unit?: string | null): string {
  if (value === null || value === undefined || value === '') return '–';
  const u = (unit ?? '').toLowerCase();
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return JSON.stringify(value);
  if (u === 'boolean') return value ? 'yes' : 'no';
  if (u === 'id') return String(value);
  if (u.startsWith('share')) return `${(value * 100).toFixed(Math.abs(value) < 0.1 ? 1 : 0)} %`;
  if (u === 'euros' || u === 'eur') return formatEuros(value);
  if (Number.isInteger(value)) return integer.format(value);
  return new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 }).format(value);
}

/** The unit as a column shows it: none for those formatValue already writes into the value. */
export function unitLabel(unit: string | null | undefined): string {
  const u = (unit ?? '').toLowerCase();
  if (!u || u === 'boolean' || u === 'id' || u.startsWith('share') || u === 'euros') return '';
  return unit ?? '';
}

/**
 * Protected attributes (sex, nationality, birth year) and anything named after them: kept in
 * the graph for fairness audits, never shown in the explorer (the same test as the server's
 * server/scoring/protected.ts applies to model inputs).
 */
export function isProtected(name: string): boolean {
  const base = name
    .replace(/^(i_|f_)/, '')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
  return /(^|_)(sex|gender|nationality|citizenship|ethnic|ethnicity|birth)(_|$)/.test(base);
}

/** An entity's properties without the protected attributes, in the order the API gave them. */
export function shownProperties(
  properties: Record<string, unknown>,
): [name: string, value: unknown][] {
  return Object.entries(properties).filter(([name]) => !isProtected(name));
}
