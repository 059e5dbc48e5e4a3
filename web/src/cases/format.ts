// Numbers and dates as the queue, model and internal-fraud pages write them.

/** 2025-03-04T10:11:12Z → "2025-03-04 10:11" (local time). */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '—');

export function euros(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `€ ${value.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
}

export function percent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `${(value * 100).toFixed(digits)} %`;
}

export function fixed(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toFixed(digits);
}
