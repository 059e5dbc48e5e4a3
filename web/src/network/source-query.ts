// The network page's address: what it shows (`nodes=Label:id,…` or `community=ID`), how
// (`depth`, `cap`, `limit`) and the time slider's date (`asOf`), so a view can be bookmarked.
import type { Source } from './explorer-session.js';

const keyPattern = /^[A-Z][A-Za-z]+:[A-Za-z0-9_.:-]+$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function bounded(text: string | null, min: number, max: number, fallback: number): number {
  const n = Number(text);
  return text !== null && Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Splits `Label:id` keys typed or linked (commas or spaces), keeping the well-formed ones. */
export function parseKeys(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((k) => keyPattern.test(k)))].slice(0, 50);
}

export function sourceFromQuery(query: URLSearchParams): Source | null {
  const community = query.get('community')?.trim();
  if (community) {
    return { kind: 'community', id: community, limit: bounded(query.get('limit'), 1, 2000, 500) };
  }
  const keys = parseKeys(query.get('nodes') ?? '');
  if (keys.length === 0) return null;
  return {
    kind: 'nodes',
    keys,
    depth: bounded(query.get('depth'), 1, 2, 1),
    cap: bounded(query.get('cap'), 1, 200, 25),
  };
}

export function queryFromSource(source: Source, asOf: string | null): URLSearchParams {
  const query = new URLSearchParams();
  if (source.kind === 'community') {
    query.set('community', source.id);
    if (source.limit !== 500) query.set('limit', String(source.limit));
  } else {
    query.set('nodes', source.keys.join(','));
    if (source.depth !== 1) query.set('depth', String(source.depth));
    if (source.cap !== 25) query.set('cap', String(source.cap));
  }
  if (asOf) query.set('asOf', asOf);
  return query;
}

export function asOfFromQuery(query: URLSearchParams): string | null {
  const asOf = query.get('asOf');
  return asOf && datePattern.test(asOf) ? asOf : null;
}

/** The same view (ignoring the date, which the page applies without loading). */
export function sameSource(a: Source | null, b: Source | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
