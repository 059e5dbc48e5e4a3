// Live hit rates from hand-made counts of closed case inspections; the expected rates, Wilson
// intervals (worked out independently: 6 of 10 → [0.3127, 0.8318]) and lifts are by hand.
import { describe, expect, it } from 'vitest';
import { liveChart } from './live-chart.js';
import { liveMarkdown } from './live-markdown.js';
import { latestLiveVersion, liveHitRates, type CaseOutcomeCount } from './live.js';
import { xmlProblem } from './test-xml.js';

const V = 'employer-any-20260101T000000000Z';

function c(
  origin: string,
  model: string | null,
  band: string | null,
  closed: number,
  confirmed: number,
  lastClosed = '2026-02-01',
): CaseOutcomeCount {
  return {
    area: 'employer',
    origin,
    model,
    band,
    closed,
    confirmed,
    firstClosed: '2026-01-10',
    lastClosed,
  };
}

const counts: CaseOutcomeCount[] = [
  c('risk_model', V, 'red', 10, 6),
  c('risk_model', V, 'orange', 5, 2),
  c('risk_model', V, null, 1, 0),
  c('random_audit', V, 'red', 2, 1),
  c('random_audit', V, 'green', 8, 1),
  c('random_audit', V, 'blue', 10, 0),
  c('complaint', V, 'red', 3, 3),
  // before any model: scoring wrote 'rules', an older case none; both are "rules only"
  { ...c('risk_model', null, 'red', 4, 1, '2025-12-20'), firstClosed: '2025-11-02' },
  { ...c('risk_model', 'rules', 'red', 2, 1, '2025-12-01'), firstClosed: '2025-11-05' },
];

describe('live hit rates', () => {
  const live = liveHitRates(counts);
  const employer = live[0]!;

  it('has one entry per area; an area without closed cases has no versions', () => {
    expect(live.map((a) => [a.area, a.versions.length])).toEqual([
      ['employer', 2],
      ['person', 0],
      ['staff', 0],
    ]);
    expect(employer.closed).toBe(45);
  });

  it('counts each version per band, chosen by the model next to the control group', () => {
    const [rules, model] = employer.versions;
    expect(rules?.modelVersion).toBeNull();
    expect([rules?.firstClosed, rules?.lastClosed]).toEqual(['2025-11-02', '2025-12-20']);
    expect(rules?.modelDriven.bands[0]).toMatchObject({ band: 'red', closed: 6, confirmed: 2 });
    expect(rules?.controlGroup.overall.n).toBe(0);
    expect(rules?.modelDriven.bands[0]?.lift).toBeNull(); // no base rate to compare with

    expect(model?.modelVersion).toBe(V);
    const m = model!.modelDriven;
    expect(m.bands.map((b) => [b.band, b.closed, b.confirmed])).toEqual([
      ['red', 10, 6],
      ['orange', 5, 2],
      ['green', 0, 0],
      ['blue', 0, 0],
    ]);
    expect(m.unbanded).toBe(1);
    expect([m.overall.n, m.overall.hits, m.overall.rate]).toEqual([16, 8, 0.5]);
    const red = m.bands[0]!;
    expect(red.rate).toBe(0.6);
    expect(red.interval?.lower).toBeCloseTo(0.312674, 6);
    expect(red.interval?.upper).toBeCloseTo(0.83182, 5);
    expect(red.interval?.method).toBe('Wilson');
    expect(red.indicative).toBe(true);
    expect(m.bands[2]?.rate).toBeNull();
    expect(model?.otherOrigins).toBe(3);
  });

  it('takes the control group’s overall share as the base rate and the lift over it', () => {
    const model = employer.versions[1]!;
    const base = model.controlGroup.overall;
    expect([base.n, base.hits, base.rate]).toEqual([20, 2, 0.1]);
    expect(base.interval?.lower).toBeCloseTo(0.027866, 6);
    expect(base.interval?.upper).toBeCloseTo(0.301034, 6);
    expect(model.modelDriven.bands.map((b) => b.lift)).toEqual([
      expect.closeTo(6, 12),
      expect.closeTo(4, 12),
      null,
      null,
    ]);
    // the control group per band: each band's hit rate free of selection bias
    expect(model.controlGroup.bands.map((b) => b.lift)).toEqual([
      expect.closeTo(5, 12),
      null,
      expect.closeTo(1.25, 12),
      0,
    ]);
  });

  it('charts and writes the version whose cases closed last', () => {
    expect(latestLiveVersion(employer)?.modelVersion).toBe(V);
    const svg = liveChart(employer.versions[1]!, 'Employers: live hit rate per band');
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).toContain('base rate (random audit) 10.0 % (n=20)');
    expect(svg).toContain('red, chosen by the model: 60.0 %, 6 of 10 closed');
    const md = liveMarkdown(live);
    expect(md).toContain(
      '#### Rules only (no trained model), cases closed 2025-11-02 to 2025-12-20',
    );
    expect(md).toContain(
      'Base rate free of selection bias (the random-audit control group, every band): 10.0 % [2.8 %, 30.1 %] (2 of 20).',
    );
    expect(md).toContain(
      'Red band, chosen by the model: 60.0 % [31.3 %, 83.2 %] confirmed (6 of 10): 6.00× the base rate',
    );
    expect(md).toContain('| red | 10 | 6 | 60.0 % [31.3 %, 83.2 %] * | 6.00× | 2 | 1 |');
    expect(md).toMatch(/Indicative: fewer than 30 closed cases behind red model \(10\)/);
    expect(md).toContain('3 closed case inspections of other origins');
    expect(md).toContain('No random audit has closed under this version');
    expect(md).toContain('### Persons\n\nNo case has been closed in this area yet');
    expect(md).toContain('](employer-live.svg)');
    expect(md).not.toContain('](person-live.svg)');
  });
});
