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
  if (name.endsWith('_eur')) return `€${wholeNumber(Math.round(value))}`;
  if (name.includes('share') || name.endsWith('_dependency')) {
    const percent = value * 100;
    return `${percent > 0 && percent < 1 ? percent.toFixed(2) : Math.round(percent)} %`;
  }
  if (Number.isInteger(value)) return wholeNumber(value);
  return threeDigits.format(value);
}

/**
 * A whole number as the en-GB formatter writes it ("12,345"), by hand up to 2^53: a timeline
 * formats the wage and hours of every job, and `Intl.NumberFormat.format` cost about a fifth of
 * an employer page's own code. Beyond, and for -0 (which Intl writes with its sign), the
 * formatter itself.
 */
function wholeNumber(value: number): string {
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return whole.format(value);
  const digits = String(Math.abs(value));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return value < 0 ? `-${out}` : out;
}

export function formatReason(text: string, values: Readonly<Record<string, unknown>>): string {
  return text.replace(placeholder, (_, name: string) => formatValue(name, values[name]));
}
