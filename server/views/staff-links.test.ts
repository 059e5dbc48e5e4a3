// The link rules of the internal-fraud view on rows made by hand (no database): the claim's
// period as of a date, when a path's links held together, the kind of a path, and which links
// of a claim are kept.
import { describe, expect, it } from 'vitest';
import type { LinkedClaimRow, PathLinkRow, PathNodeRow } from '../db/internal-fraud-queries.js';
import { claimLinks, claimPeriod, pathKind, pathPeriod } from './staff-links.js';

const node = (label: PathNodeRow['label'], id: string): PathNodeRow => ({
  label,
  id,
  score: null,
  band: null,
  region: null,
  municipality: null,
  postcode: null,
  kind: null,
});
const link = (
  type: PathLinkRow['type'],
  start: string | null = null,
  end: string | null = null,
  forward = true,
): PathLinkRow => ({ type, forward, start, end, key: start, kind: null });

const official = node('Person', 'SP');
const row = (over: Partial<LinkedClaimRow>): LinkedClaimRow => ({
  claimId: 'C1',
  type: 'unemployment',
  start: '2025-01-01',
  end: null,
  status: 'granted',
  amount: 1000,
  claimant: { id: 'Q', score: null, band: null, region: null, municipality: null },
  self: false,
  paths: [],
  accounts: [],
  ...over,
});

describe('claimPeriod', () => {
  it('runs from the start to the end, or to the as-of date while running or ending later', () => {
    expect(claimPeriod('2024-01-01', '2024-06-30', '2025-12-31')).toEqual({
      from: '2024-01-01',
      to: '2024-06-30',
    });
    expect(claimPeriod('2024-01-01', null, '2025-12-31')).toEqual({
      from: '2024-01-01',
      to: '2025-12-31',
    });
    expect(claimPeriod('2024-01-01', '2026-06-30', '2025-12-31')).toEqual({
      from: '2024-01-01',
      to: '2025-12-31',
    });
  });
});

describe('pathPeriod', () => {
  const within = { from: '2024-01-01', to: '2024-12-31' };
  it('is the days on which every dated link held, within the claim', () => {
    expect(
      pathPeriod(
        [link('LIVES_AT', '2020-01-01'), link('LIVES_AT', '2024-03-01', '2024-09-30')],
        within,
      ),
    ).toEqual({ from: '2024-03-01', to: '2024-09-30' });
    expect(pathPeriod([link('HOUSEHOLD'), link('HOLDS')], within)).toEqual(within);
  });
  it('is null when the links never held together during the claim', () => {
    // Each residence overlaps the claim, but not each other.
    expect(
      pathPeriod(
        [link('LIVES_AT', '2023-01-01', '2024-02-28'), link('LIVES_AT', '2024-03-01')],
        within,
      ),
    ).toBeNull();
    expect(pathPeriod([link('LIVES_AT', '2025-01-01')], within)).toBeNull();
    // Touching on one day is enough.
    expect(pathPeriod([link('LIVES_AT', null, '2024-01-01')], within)).toEqual({
      from: '2024-01-01',
      to: '2024-01-01',
    });
  });
});

describe('pathKind', () => {
  it('names a path by its relationships', () => {
    expect(pathKind([])).toBe('self');
    expect(pathKind(['HOUSEHOLD', 'HOUSEHOLD', 'HOUSEHOLD'])).toBe('household');
    expect(pathKind(['LIVES_AT', 'LIVES_AT'])).toBe('address');
    expect(pathKind(['HOLDS', 'HOLDS'])).toBe('account');
    expect(pathKind(['HOLDS', 'HOLDS', 'HOUSEHOLD'])).toBe('mixed');
  });
});

describe('claimLinks', () => {
  const mixedPath = {
    nodes: [official, node('Account', 'A'), node('Person', 'X'), node('Person', 'Q')],
    links: [link('HOLDS'), link('HOLDS', null, null, false), link('HOUSEHOLD')],
  };
  const addressPath = {
    nodes: [official, node('Address', 'AD'), node('Person', 'Q')],
    links: [link('LIVES_AT', '2010-01-01'), link('LIVES_AT', '2012-01-01', '2013-01-01', false)],
  };

  it('keeps a mixed path beside a payment, and orients the path from the claimant', () => {
    const { links, outsidePeriod } = claimLinks(
      row({ paths: [mixedPath], accounts: [{ id: 'SA' }] }),
      official,
      '2025-12-31',
    );
    expect(outsidePeriod).toBe(false);
    expect(links.map((l) => [l.kind, l.hops, l.path.join(' ')])).toEqual([
      ['paid_to_own_account', 2, 'Claim:C1 Account:SA Person:SP'],
      ['mixed', 3, 'Person:Q Person:X Account:A Person:SP'],
    ]);
    // The account–X link is stored X → A: the edge keeps the stored direction.
    expect(links[1]?.steps.map((s) => `${s.type} ${s.source}->${s.target}`)).toEqual([
      'HOUSEHOLD Person:X->Person:Q',
      'HOLDS Person:X->Account:A',
      'HOLDS Person:SP->Account:A',
    ]);
  });

  it('counts a claim linked only outside its period apart, listing no link', () => {
    expect(claimLinks(row({ paths: [addressPath] }), official, '2025-12-31')).toEqual({
      links: [],
      outsidePeriod: true,
    });
    // The same residence, and a household tie (undated): only the tie is listed.
    const household = { nodes: [official, node('Person', 'Q')], links: [link('HOUSEHOLD')] };
    const both = claimLinks(row({ paths: [addressPath, household] }), official, '2025-12-31');
    expect(both.links.map((l) => l.kind)).toEqual(['household']);
    expect(both.outsidePeriod).toBe(false);
  });
});
