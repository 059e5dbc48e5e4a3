// The evaluation report's charts as SVG strings, rendered without a browser: ROC curves (full
// model against intrinsic features only, with the chance diagonal), precision–recall curves
// (with the base-rate line), the reliability diagram (with bin counts and intervals) and the hit
// rate per band (against the base rate and the random-audit control group). d3-scale and
// d3-shape do the scales and paths; the frame, escaping and legend are in svg.ts. Series are
// told apart by line style and labels as well as colour. Deterministic: same input, same bytes.
import { scaleBand, scaleLinear } from 'd3-scale';
import { curveLinear, curveStepBefore, line } from 'd3-shape';
import type { BandHitRates, Calibration, Proportion, PrPoint, RocPoint } from './metric-schemas.js';
import {
  escapeXml,
  HEIGHT,
  INK,
  legend,
  linearFrame,
  MARGIN,
  num,
  svgDocument,
  WIDTH,
  type Frame,
} from './svg.js';

export const BAND_COLOURS = {
  red: '#d7301f',
  orange: '#fc8d59',
  green: '#1a9850',
  blue: '#4575b4',
} as const;

/** Line styles of the 1st, 2nd… series: solid dark, dashed grey, dotted blue. */
const SERIES_STYLES = [
  { stroke: INK, dash: undefined },
  { stroke: '#737373', dash: '7 4' },
  { stroke: '#4575b4', dash: '2 3' },
] as const;
/** A white outline behind text drawn over lines or bars, so it stays readable. */
export const HALO = 'paint-order="stroke" stroke="#ffffff" stroke-width="3"';
const REFERENCE = { stroke: '#969696', dash: '4 4' } as const;

const fixed = (x: number | null, digits = 3) => (x === null ? 'n/a' : x.toFixed(digits));
const percent = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);

export interface CurveSeries<P> {
  /** e.g. "full model (AUC 0.812)". */
  label: string;
  points: readonly P[];
}

function path(d: string | null, i: number): string {
  const style = SERIES_STYLES[i % SERIES_STYLES.length] ?? SERIES_STYLES[0];
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  return `<path class="series" d="${d ?? ''}" fill="none" stroke="${style.stroke}" stroke-width="2"${dash}/>`;
}

function seriesLegend(series: readonly { label: string }[], extra: { label: string }[]) {
  return legend(
    [
      ...series.map((s, i) => ({ label: s.label, ...SERIES_STYLES[i % SERIES_STYLES.length]! })),
      ...extra.map((e) => ({ label: e.label, ...REFERENCE })),
    ],
    'bottom-right',
  );
}

function referenceLine(frame: Frame, from: [number, number], to: [number, number]): string {
  return `<line class="reference" x1="${num(frame.x(from[0]))}" y1="${num(frame.y(from[1]))}" x2="${num(frame.x(to[0]))}" y2="${num(frame.y(to[1]))}" stroke="${REFERENCE.stroke}" stroke-dasharray="${REFERENCE.dash}"/>`;
}

/**
 * ROC curves: false positive rate (x) against true positive rate (y), one series per scoring
 * (typically the full model, then intrinsic features only), and the diagonal of chance.
 */
export function rocChart(series: readonly CurveSeries<RocPoint>[], title = 'ROC curve'): string {
  const frame = linearFrame({ id: title, title, description: '', xLabel: '', yLabel: '' });
  const gen = line<RocPoint>()
    .x((p) => frame.x(p.fpr))
    .y((p) => frame.y(p.tpr))
    .curve(curveLinear)
    .digits(2);
  const spec = {
    id: `roc-${title}`,
    title,
    description:
      `ROC curve: the share of confirmed cases found (true positive rate) against the share of ` +
      `unfounded inspections flagged (false positive rate) as the threshold falls. ` +
      `${series.map((s) => s.label).join('; ')}. The dashed diagonal is chance.`,
    xLabel: 'false positive rate (unfounded flagged / all unfounded)',
    yLabel: 'true positive rate (recall)',
  };
  return svgDocument(spec, frame, [
    referenceLine(frame, [0, 0], [1, 1]),
    ...series.map((s, i) => path(gen([...s.points]), i)),
    seriesLegend(series, [{ label: 'chance' }]),
  ]);
}

/**
 * Precision–recall curves, drawn as steps (precision P_k held over recall (R_{k−1}, R_k], so
 * the area is the average precision), with the base rate — the precision of flagging at random —
 * as a dashed line.
 */
export function prChart(
  series: readonly CurveSeries<PrPoint>[],
  baseRate: number | null,
  title = 'Precision–recall curve',
): string {
  const frame = linearFrame({ id: title, title, description: '', xLabel: '', yLabel: '' });
  const gen = line<PrPoint>()
    .x((p) => frame.x(p.recall))
    .y((p) => frame.y(p.precision))
    .curve(curveStepBefore)
    .digits(2);
  const spec = {
    id: `pr-${title}`,
    title,
    description:
      `Precision against recall as the threshold falls. ${series.map((s) => s.label).join('; ')}. ` +
      `Base rate (precision of flagging at random): ${percent(baseRate)}.`,
    xLabel: 'recall (confirmed cases found / all confirmed)',
    yLabel: 'precision (confirmed / flagged)',
  };
  // the conventional first point (recall 0, precision 1) is drawn at the first real precision,
  // so the curve does not open with a vertical line to 1 that no threshold achieves
  const drawn = (points: readonly PrPoint[]) =>
    points.map((p, i) =>
      i === 0 && p.threshold === null ? { ...p, precision: points[1]?.precision ?? 1 } : p,
    );
  const body = series.map((s, i) => path(gen(drawn(s.points)), i));
  const extra: { label: string }[] = [];
  if (baseRate !== null) {
    body.unshift(referenceLine(frame, [0, baseRate], [1, baseRate]));
    extra.push({ label: `base rate ${percent(baseRate)}` });
  }
  body.push(seriesLegend(series, extra));
  return svgDocument(spec, frame, body);
}

/**
 * Reliability diagram: per calibration bin, the mean predicted probability (x) against the
 * observed share confirmed (y), with its Wilson 95 % interval as a whisker and the bin's count
 * written beside the point; the dashed diagonal is perfect calibration. Empty bins are omitted.
 */
export function calibrationChart(calibration: Calibration, title = 'Calibration'): string {
  const frame = linearFrame({ id: title, title, description: '', xLabel: '', yLabel: '' });
  const bins = calibration.bins.filter((b) => b.count > 0);
  const gen = line<(typeof bins)[number]>()
    .x((b) => frame.x(b.meanPredicted ?? 0))
    .y((b) => frame.y(b.observedRate ?? 0))
    .digits(2);
  const marks = bins.map((b) => {
    const cx = frame.x(b.meanPredicted ?? 0);
    const cy = frame.y(b.observedRate ?? 0);
    const whisker = b.interval
      ? `<line x1="${num(cx)}" x2="${num(cx)}" y1="${num(frame.y(b.interval.lower))}" y2="${num(frame.y(b.interval.upper))}" stroke="${INK}" stroke-width="1"/>`
      : '';
    return [
      whisker,
      `<circle cx="${num(cx)}" cy="${num(cy)}" r="4" fill="${INK}"/>`,
      `<text x="${num(cx + 7)}" y="${num(cy - 6)}" font-size="10" fill="${INK}" ${HALO}>n=${b.count}</text>`,
    ].join('\n');
  });
  const spec = {
    id: `calibration-${title}`,
    title,
    description:
      `Reliability diagram, ${calibration.strategy} bins: mean predicted probability against the ` +
      `observed share confirmed, with 95 % intervals and bin counts. Expected calibration error ` +
      `${fixed(calibration.ece.value)}, Brier score ${fixed(calibration.brier.value)}. ` +
      `Points on the dashed diagonal are perfectly calibrated.`,
    xLabel: 'mean predicted probability',
    yLabel: 'observed share confirmed',
  };
  return svgDocument(spec, frame, [
    referenceLine(frame, [0, 0], [1, 1]),
    `<path class="series" d="${gen(bins) ?? ''}" fill="none" stroke="${INK}" stroke-width="1.5"/>`,
    `<g class="bins">\n${marks.join('\n')}\n</g>`,
    legend([
      { label: 'model', stroke: INK },
      { label: 'perfect calibration', ...REFERENCE },
    ]),
  ]);
}

/**
 * The frame of a bar chart per band: rates from 0 to a little above `top` (at most 1) on y,
 * one slot per band on x.
 */
export function bandFrame(top: number, bands: readonly string[], padding: number) {
  const frame: Frame = {
    x: scaleLinear()
      .domain([0, 1])
      .range([MARGIN.left, WIDTH - MARGIN.right]),
    y: scaleLinear()
      .domain([0, Math.min(1, top * 1.15)])
      .nice()
      .range([HEIGHT - MARGIN.bottom, MARGIN.top]),
  };
  const x = scaleBand<string>()
    .domain(bands)
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(padding);
  return { frame, x };
}

/**
 * Hit rate per band: one bar per band (coloured and named), its hit rate written above it with
 * the number of labelled entities, and a Wilson 95 % whisker; horizontal reference lines for
 * the base rate of the labelled entities and for the random-audit control group.
 */
export function bandChart(
  bands: BandHitRates,
  controlGroup: Proportion | null,
  title = 'Hit rate per band',
): string {
  const refs: { label: string; rate: number; dash: string }[] = [];
  if (bands.baseRate.rate !== null) {
    refs.push({
      label: `base rate ${percent(bands.baseRate.rate)}`,
      rate: bands.baseRate.rate,
      dash: '4 4',
    });
  }
  if (controlGroup?.rate != null) {
    refs.push({
      label: `random-audit control group ${percent(controlGroup.rate)} (n=${controlGroup.n})`,
      rate: controlGroup.rate,
      dash: '10 3 2 3',
    });
  }
  const top = Math.max(
    0.05,
    ...bands.bands.map((b) => b.interval?.upper ?? b.hitRate ?? 0),
    ...refs.map((r) => r.rate),
  );
  const { frame, x } = bandFrame(
    top,
    bands.bands.map((b) => b.band),
    0.3,
  );
  const y0 = frame.y(0);
  const bars = bands.bands.map((b) => {
    const left = x(b.band) ?? 0;
    const mid = left + x.bandwidth() / 2;
    const h = b.hitRate ?? 0;
    const whisker = b.interval
      ? `<line x1="${num(mid)}" x2="${num(mid)}" y1="${num(frame.y(b.interval.lower))}" y2="${num(frame.y(b.interval.upper))}" stroke="${INK}"/>`
      : '';
    const value = b.hitRate === null ? 'no labels' : percent(b.hitRate);
    return [
      `<rect class="bar" x="${num(left)}" y="${num(frame.y(h))}" width="${num(x.bandwidth())}" height="${num(y0 - frame.y(h))}" fill="${BAND_COLOURS[b.band]}" stroke="${INK}" stroke-width="0.5"><title>${escapeXml(`${b.band}: ${value}, ${b.hits} of ${b.labelled} labelled`)}</title></rect>`,
      whisker,
      `<text x="${num(mid)}" y="${num(frame.y(b.interval?.upper ?? h) - 5)}" text-anchor="middle" font-size="11" fill="${INK}" ${HALO}>${escapeXml(value)}</text>`,
      `<text x="${num(mid)}" y="${num(y0 + 16)}" text-anchor="middle" font-size="11" fill="${INK}">${escapeXml(b.band)}</text>`,
      `<text x="${num(mid)}" y="${num(y0 + 30)}" text-anchor="middle" font-size="10" fill="${INK}">n=${b.labelled}</text>`,
    ].join('\n');
  });
  // reference lines labelled directly at their right end (a second label that would collide
  // with the first goes below its line)
  let lastLabelY = Number.NEGATIVE_INFINITY;
  const lines = refs.map((r) => {
    const ly = frame.y(r.rate);
    let ty = ly - 4;
    if (Math.abs(ty - lastLabelY) < 12) ty = ly + 12;
    lastLabelY = ty;
    return [
      `<line class="reference" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${num(ly)}" y2="${num(ly)}" stroke="${INK}" stroke-dasharray="${r.dash}"/>`,
      `<text x="${WIDTH - MARGIN.right}" y="${num(ty)}" text-anchor="end" font-size="10" fill="${INK}" ${HALO}>${escapeXml(r.label)}</text>`,
    ].join('\n');
  });
  const spec = {
    id: `bands-${title}`,
    title,
    description:
      `Share of labelled entities confirmed, per band: ` +
      bands.bands
        .map((b) => `${b.band} ${percent(b.hitRate)} (${b.hits} of ${b.labelled})`)
        .join(', ') +
      `. ${refs.map((r) => r.label).join('; ')}.`,
    xLabel: 'band',
    yLabel: 'hit rate (confirmed / inspected)',
    xTicks: false,
  };
  return svgDocument(spec, frame, [`<g class="bars">\n${bars.join('\n')}\n</g>`, ...lines]);
}
