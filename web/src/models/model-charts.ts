// The geometry of the model page's two charts, apart from drawing them (charts.tsx): the hit
// rate per band of a version's model-driven cases with the control group's overall rate as the
// reference, and hold-out metrics across the versions of one model. d3-scale places, d3-shape
// draws the lines; both pure, so the numbers are tested without a browser.
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { bands, type Band } from '../ui/band.js';
import type { LiveVersion, ModelVersion } from './model-types.js';

export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const defaultFrame: Frame = {
  width: 520,
  height: 260,
  margin: { top: 16, right: 16, bottom: 40, left: 48 },
};

export interface Tick {
  value: number;
  y: number;
  label: string;
}

export interface RateBar {
  band: Band;
  x: number;
  width: number;
  /** Top of the bar; y + height is the baseline. Null rate: no bar. */
  y: number;
  height: number;
  rate: number | null;
  closed: number;
  confirmed: number;
  indicative: boolean;
  /** The 95 % interval as two y positions (top, bottom), when there is one. */
  interval: { top: number; bottom: number } | null;
  /** The control group's own rate in this band (null: none closed), as a y position. */
  controlY: number | null;
  controlRate: number | null;
}

export interface HitRateChart {
  bars: RateBar[];
  /** The control group's overall confirmed share: the base rate, drawn across the chart. */
  reference: { y: number; rate: number } | null;
  ticks: Tick[];
  baseline: number;
  left: number;
  right: number;
}

const percentLabel = (v: number) => `${Math.round(v * 100)} %`;

function rateScale(frame: Frame, max: number) {
  return scaleLinear()
    .domain([0, Math.max(max, 0.05)])
    .nice(5)
    .range([frame.height - frame.margin.bottom, frame.margin.top]);
}

/** Bars per band (red to blue) of the model-driven hit rate, the control group as reference. */
export function hitRateChart(live: LiveVersion, frame: Frame = defaultFrame): HitRateChart {
  const x = scaleBand<Band>()
    .domain(bands)
    .range([frame.margin.left, frame.width - frame.margin.right])
    .padding(0.3);
  const control = live.controlGroup;
  const rates = [
    ...live.modelDriven.bands.flatMap((b) => [b.rate ?? 0, b.interval?.upper ?? 0]),
    ...control.bands.map((b) => b.rate ?? 0),
    control.overall.rate ?? 0,
  ];
  const y = rateScale(frame, Math.min(1, Math.max(...rates)));
  const baseline = y(0);
  const bars = bands.map((band): RateBar => {
    const b = live.modelDriven.bands.find((d) => d.band === band);
    const c = control.bands.find((d) => d.band === band);
    const rate = b?.rate ?? null;
    const top = rate === null ? baseline : y(rate);
    return {
      band,
      x: x(band) ?? 0,
      width: x.bandwidth(),
      y: top,
      height: baseline - top,
      rate,
      closed: b?.closed ?? 0,
      confirmed: b?.confirmed ?? 0,
      indicative: b?.indicative ?? true,
      interval: b?.interval
        ? { top: y(Math.min(1, b.interval.upper)), bottom: y(Math.max(0, b.interval.lower)) }
        : null,
      controlRate: c?.rate ?? null,
      controlY: c?.rate === null || c?.rate === undefined ? null : y(c.rate),
    };
  });
  const base = control.overall.rate;
  return {
    bars,
    reference: base === null ? null : { y: y(base), rate: base },
    ticks: y.ticks(5).map((value) => ({ value, y: y(value), label: percentLabel(value) })),
    baseline,
    left: frame.margin.left,
    right: frame.width - frame.margin.right,
  };
}

export const metricKeys = ['rocAuc', 'prAuc', 'brier', 'redPrecision'] as const;
export type MetricKey = (typeof metricKeys)[number];
export const metricNames: Record<MetricKey, string> = {
  rocAuc: 'ROC AUC',
  prAuc: 'PR AUC',
  brier: 'Brier score',
  redPrecision: 'Precision at capacity',
};

export interface MetricSeries {
  metric: MetricKey;
  /** SVG path through the versions that have the metric ('' when none has). */
  path: string;
  points: { version: string; x: number; y: number; value: number }[];
}

export interface MetricsChart {
  series: MetricSeries[];
  versions: { version: string; x: number; active: boolean }[];
  ticks: Tick[];
  baseline: number;
  left: number;
  right: number;
}

/** Hold-out metrics (0–1) across versions, oldest first; a version without a hold-out is a gap. */
export function metricsChart(
  versions: readonly ModelVersion[],
  metrics: readonly MetricKey[] = metricKeys,
  frame: Frame = defaultFrame,
): MetricsChart {
  const ordered = [...versions].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const x = scalePoint<string>()
    .domain(ordered.map((v) => v.version))
    .range([frame.margin.left, frame.width - frame.margin.right])
    .padding(0.5);
  const y = scaleLinear()
    .domain([0, 1])
    .range([frame.height - frame.margin.bottom, frame.margin.top]);
  const series = metrics.map((metric): MetricSeries => {
    const points = ordered.map((v) => {
      const value = v.holdout?.full[metric] ?? null;
      return { version: v.version, x: x(v.version) ?? 0, value };
    });
    const draw = line<(typeof points)[number]>()
      .defined((p) => p.value !== null)
      .x((p) => p.x)
      .y((p) => y(p.value ?? 0));
    return {
      metric,
      path: draw(points) ?? '',
      points: points.flatMap((p) =>
        p.value === null ? [] : [{ version: p.version, x: p.x, y: y(p.value), value: p.value }],
      ),
    };
  });
  return {
    series,
    versions: ordered.map((v) => ({ version: v.version, x: x(v.version) ?? 0, active: v.active })),
    ticks: y.ticks(5).map((value) => ({ value, y: y(value), label: value.toFixed(1) })),
    baseline: y(0),
    left: frame.margin.left,
    right: frame.width - frame.margin.right,
  };
}

/** The versions of the same model as `v` (area and offence), for the chart across versions. */
export function sameModel(all: readonly ModelVersion[], v: ModelVersion): ModelVersion[] {
  return all.filter((m) => m.area === v.area && m.offence === v.offence);
}

/**
 * A version's name without its model, for an axis: `employer-any-20251231T103045123Z` (what
 * `ringwatch train` names them) → 2025-12-31 and 10:30:45; any other name as it is.
 */
export function versionLabel(version: string): { day: string; time: string } {
  const m = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\d*Z$/.exec(version);
  if (!m) return { day: version, time: '' };
  return { day: `${m[1]}-${m[2]}-${m[3]}`, time: `${m[4]}:${m[5]}:${m[6]}` };
}
