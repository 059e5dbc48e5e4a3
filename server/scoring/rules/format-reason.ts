// Reason texts: "director of {f_director_bankruptcies} bankrupt employers" with the entity's
// values put in, formatted for a reader (euros with thousands separators, shares as percents).
const placeholder = /\{([A-Za-z0-9_]+)\}/g;

export function placeholders(text: string): string[] {
  return [...text.matchAll(placeholder)].map((m) => m[1]!);
}

// Made once: toLocaleString builds a formatter on every call, and scoring formats a value for each
// of a million persons.
const whole = new Intl.NumberFormat('en-GB');
const threeDigits = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 });

export function formatValue(name: string, value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return JSON.stringify(value);
  if (name.endsWith('_eur')) return `€${whole.format(Math.round(value))}`;
  if (name.includes('share') || name.endsWith('_dependency')) {
    const percent = value * 100;
    return `${percent > 0 && percent < 1 ? percent.toFixed(2) : Math.round(percent)} %`;
  }
  // Below a thousand a whole number has no separator: its plain text, without the formatter's
  // cost (a timeline formats the hours of each job). Not -0, which Intl writes with its sign.
  if (Number.isInteger(value) && value > -1000 && value < 1000 && !Object.is(value, -0)) {
    return String(value);
  }
  if (Number.isInteger(value)) return whole.format(value);
  return threeDigits.format(value);
}

export function formatReason(text: string, values: Readonly<Record<string, unknown>>): string {
  return text.replace(placeholder, (_, name: string) => formatValue(name, values[name]));
}
