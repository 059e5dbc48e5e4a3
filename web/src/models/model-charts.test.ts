import { describe, expect, it } from 'vitest';
import {
  defaultFrame,
  hitRateChart,
  metricsChart,
  sameModel,
  versionLabel,
} from './model-charts.js';
import type { LiveBand, LiveVersion, ModelVersion } from './model-types.js';

const band = (b: LiveBand['band'], closed: number, confirmed: number): LiveBand => ({
  band: b,
  closed,
  confirmed,
  rate: closed === 0 ? null : confirmed / closed,
  interval: null,
  lift: null,
  indicative: closed < 30,
});

const live: LiveVersion = {
  modelVersion: 'employer-any-v1',
  firstClosed: '2025-01-01',
  lastClosed: '2025-03-01',
  modelDriven: {
    bands: [band('red', 40, 20), band('orange', 20, 5), band('green', 0, 0), band('blue', 10, 0)],
    unbanded: 0,
    overall: { n: 70, hits: 25, rate: 25 / 70, interval: null },
  },
  controlGroup: {
    bands: [band('red', 2, 1), band('orange', 0, 0), band('green', 5, 0), band('blue', 13, 1)],
    unbanded: 0,
    overall: { n: 20, hits: 2, rate: 0.1, interval: null },
  },
  otherOrigins: 0,
};

describe('hit rate per band chart', () => {
  const chart = hitRateChart(live);
  const baseline = defaultFrame.height - defaultFrame.margin.bottom;

  it('draws a bar per band, red first, its height in proportion to the rate', () => {
    expect(chart.bars.map((b) => b.band)).toEqual(['red', 'orange', 'green', 'blue']);
    expect(chart.baseline).toBe(baseline);
    const [red, orange, green, blue] = chart.bars;
    expect(red!.height / orange!.height).toBeCloseTo(0.5 / 0.25, 6);
    expect(red!.y + red!.height).toBeCloseTo(baseline, 6);
    // No case closed in green: no bar, and said so by a null rate.
    expect(green).toMatchObject({ rate: null, height: 0, closed: 0 });
    expect(blue).toMatchObject({ rate: 0, height: 0, closed: 10 });
    expect(red!.x).toBeLessThan(orange!.x);
  });

  it('puts the control group’s base rate across the chart as a reference line', () => {
    const top = chart.ticks.find((t) => t.value === Math.max(...chart.ticks.map((t) => t.value)))!;
    // The scale runs from 0 at the baseline up to a nice maximum at or above the highest rate.
    expect(top.value).toBeGreaterThanOrEqual(0.5);
    const perUnit = (baseline - top.y) / top.value;
    expect(chart.reference!.rate).toBe(0.1);
    expect(baseline - chart.reference!.y).toBeCloseTo(0.1 * perUnit, 6);
    expect(chart.bars[0]!.controlRate).toBe(0.5);
    expect(chart.ticks[0]).toMatchObject({ value: 0, label: '0 %' });
  });

  it('has no reference line without closed control-group cases', () => {
    const none = hitRateChart({
      ...live,
      controlGroup: {
        ...live.controlGroup,
        overall: { n: 0, hits: 0, rate: null, interval: null },
      },
    });
    expect(none.reference).toBeNull();
  });
});

const version = (v: string, createdAt: string, rocAuc: number | null): ModelVersion => ({
  version: v,
  area: 'employer',
  offence: 'any',
  active: v.endsWith('2'),
  createdAt,
  asOf: '2025-12-31',
  l2: 1,
  converged: true,
  training: { labels: 1, positives: 1, firstClosed: '', lastClosed: '', origins: {}, fromCases: 0 },
  intercept: 0,
  inputs: [],
  dropped: [],
  holdout:
    rocAuc === null
      ? null
      : {
          splitDate: '2025-06-30',
          train: { labels: 1, positives: 1 },
          full: {
            labels: 10,
            positives: 3,
            rocAuc,
            rocAucInterval: null,
            prAuc: 0.5,
            baseRate: 0.3,
            redPrecision: 0.6,
            brier: 0.2,
          },
          intrinsicOnly: {
            labels: 10,
            positives: 3,
            rocAuc: 0.6,
            rocAucInterval: null,
            prAuc: 0.4,
            baseRate: 0.3,
            redPrecision: 0.5,
            brier: 0.25,
          },
        },
  notes: [],
  live: null,
});

describe('metrics across versions chart', () => {
  const versions = [
    version('v3', '2025-03-01T00:00:00Z', 0.8),
    version('v1', '2025-01-01T00:00:00Z', 0.7),
    version('v2', '2025-02-01T00:00:00Z', null),
  ];
  const chart = metricsChart(versions, ['rocAuc']);

  it('orders versions oldest first and maps 0–1 onto the plot', () => {
    expect(chart.versions.map((v) => v.version)).toEqual(['v1', 'v2', 'v3']);
    const [first, , last] = chart.versions;
    expect(first!.x).toBeLessThan(last!.x);
    const points = chart.series[0]!.points;
    expect(points.map((p) => [p.version, p.value])).toEqual([
      ['v1', 0.7],
      ['v3', 0.8],
    ]);
    const span = chart.baseline - defaultFrame.margin.top;
    expect(chart.baseline - points[0]!.y).toBeCloseTo(0.7 * span, 6);
  });

  it('leaves a gap for a version without a hold-out rather than joining across it', () => {
    const path = chart.series[0]!.path;
    expect(path.match(/M/g)).toHaveLength(2);
  });

  it('keeps to the versions of the same model', () => {
    const other = { ...version('b1', '2025-01-05T00:00:00Z', 0.6), area: 'beneficiary' as const };
    expect(sameModel([...versions, other], versions[0]!).map((v) => v.version)).toEqual([
      'v3',
      'v1',
      'v2',
    ]);
  });
});

describe('version labels on the axis', () => {
  it('reads the training time out of a version name', () => {
    expect(versionLabel('employer-any-20251231T103045123Z')).toEqual({
      day: '2025-12-31',
      time: '10:30:45',
    });
    expect(versionLabel('mr-employer-any-v1')).toEqual({ day: 'mr-employer-any-v1', time: '' });
  });
});
