// Cell types of the input data contract (../shared/CONTRACT.md, "General rules"). A CSV cell
// arrives as a string; an empty cell is null. Each helper parses one kind of cell strictly —
// never guessing — and gives a readable reason when it cannot.
import { z } from 'zod';

/** Longest text cell accepted; anything longer is a broken extraction, not data. */
export const MAX_TEXT = 500;

const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const INT_PATTERN = /^-?\d{1,15}$/;
const NUMBER_PATTERN = /^-?\d{1,15}(\.\d{1,10})?$/;

const MISSING = 'required value is missing';
const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** A nullable cell: an empty string becomes null before `schema` runs. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToNull, schema.nullable());
}

/** A required cell: empty is an error that says the value is required. */
function required<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema);
}

const str = () =>
  z.string({ error: (issue) => (issue.input === undefined ? MISSING : 'expected text') });

const idValue = str().regex(ID_PATTERN, 'not an identifier (1–64 characters of A–Z a–z 0–9 _ . -)');

/**
 * Whether `text` is a calendar date written YYYY-MM-DD (years before 100 excluded, as ever).
 * Checked by character codes: a contract file has millions of dates, and the regular
 * expression with a Date object per date took 3 s of the 1 M-person load.
 */
export function isValidDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** The number the decimal digits text[from, to) spell, or -1 if one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const dateValue = str().refine(isValidDate, 'not an ISO 8601 calendar date (YYYY-MM-DD)');

const textValue = str().max(MAX_TEXT, `longer than ${MAX_TEXT} characters`);

function intValue(min: number, max: number) {
  return str()
    .regex(INT_PATTERN, 'not a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `below ${min}`).max(max, `above ${max}`));
}

function numberValue(min: number, max = Number.MAX_SAFE_INTEGER) {
  return str()
    .regex(NUMBER_PATTERN, 'not a number with a dot decimal')
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, min === 0 ? 'negative' : `below ${min}`)
        .max(max, `above ${max}`),
    );
}

function enumValue<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? MISSING : `not one of ${values.join(', ')}`),
  });
}

export const cell = {
  id: () => required(idValue),
  optionalId: () => optional(idValue),
  date: () => optional(dateValue),
  requiredDate: () => required(dateValue),
  text: () => optional(textValue),
  int: (min: number, max: number) => optional(intValue(min, max)),
  number: (min: number, max?: number) => optional(numberValue(min, max)),
  money: () => optional(numberValue(0)),
  enum: <const T extends readonly [string, ...string[]]>(values: T) => optional(enumValue(values)),
  requiredEnum: <const T extends readonly [string, ...string[]]>(values: T) =>
    required(enumValue(values)),
};
