// The live hit-rate chart: for one model version, per snapshot band, the confirmed share of the
// cases the model chose (solid bar in the band's colour) beside the random-audit control group's
// (pale bar, dashed outline), each with its Wilson 95 % whisker and count, and the control group's
// overall share — the base rate free of selection bias — as a dashed line. Same frame, escaping
// and determinism as charts.ts.
import { BAND_COLOURS, bandFrame, HALO } from './charts.js';
import { liveVersionName, type LiveBand, type LiveVersion } from './live.js';
import { escapeXml, INK, legend, MARGIN, num, svgDocument, WIDTH } from './svg.js';

const percent = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);

const SIDES = [
  { key: 'modelDriven', label: 'chosen by the model', opacity: 1, dash: undefined },
  { key: 'controlGroup', label: 'random audit', opacity: 0.3, dash: '4 2' },
] as const;

export function liveChart(version: LiveVersion, title = 'Live hit rate per band'): string {
  const base = version.controlGroup.overall;
  const top = Math.max(
    0.05,
    base.rate ?? 0,
    ...SIDES.flatMap((s) => version[s.key].bands.map((b) => b.interval?.upper ?? b.rate ?? 0)),
  );
  const { frame, x } = bandFrame(
    top,
    version.modelDriven.bands.map((b) => b.band),
    0.2,
  );
  const half = x.bandwidth() / 2;
  const y0 = frame.y(0);
  const bar = (b: LiveBand, side: (typeof SIDES)[number], i: number) => {
    const left = (x(b.band) ?? 0) + i * half;
    const mid = left + half / 2;
    const h = b.rate ?? 0;
    const value = b.rate === null ? 'none' : percent(b.rate);
    const dash = side.dash ? ` stroke-dasharray="${side.dash}"` : '';
    const whisker = b.interval
      ? `<line x1="${num(mid)}" x2="${num(mid)}" y1="${num(frame.y(b.interval.lower))}" y2="${num(frame.y(b.interval.upper))}" stroke="${INK}"/>`
      : '';
    return [
      `<rect class="bar" x="${num(left + 1)}" y="${num(frame.y(h))}" width="${num(half - 2)}" height="${num(y0 - frame.y(h))}" fill="${BAND_COLOURS[b.band]}" fill-opacity="${side.opacity}" stroke="${INK}" stroke-width="0.8"${dash}><title>${escapeXml(`${b.band}, ${side.label}: ${value}, ${b.confirmed} of ${b.closed} closed`)}</title></rect>`,
      whisker,
      `<text x="${num(mid)}" y="${num(frame.y(b.interval?.upper ?? h) - 5)}" text-anchor="middle" font-size="9" fill="${INK}" ${HALO}>${escapeXml(value)}</text>`,
      `<text x="${num(mid)}" y="${num(y0 + 28)}" text-anchor="middle" font-size="9" fill="${INK}">n=${b.closed}</text>`,
    ].join('\n');
  };
  const bars = version.modelDriven.bands.map((b, k) => {
    const mid = (x(b.band) ?? 0) + x.bandwidth() / 2;
    const control = version.controlGroup.bands[k] ?? b;
    return [
      bar(b, SIDES[0], 0),
      bar(control, SIDES[1], 1),
      `<text x="${num(mid)}" y="${num(y0 + 15)}" text-anchor="middle" font-size="11" fill="${INK}">${escapeXml(b.band)}</text>`,
    ].join('\n');
  });
  const body = [`<g class="bars">\n${bars.join('\n')}\n</g>`];
  const baseLabel =
    base.rate === null
      ? 'no random audit closed: no base rate'
      : `base rate (random audit) ${percent(base.rate)} (n=${base.n})`;
  if (base.rate !== null) {
    const ly = frame.y(base.rate);
    body.push(
      `<line class="reference" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${num(ly)}" y2="${num(ly)}" stroke="${INK}" stroke-dasharray="4 4"/>`,
      `<text x="${WIDTH - MARGIN.right}" y="${num(ly - 4)}" text-anchor="end" font-size="10" fill="${INK}" ${HALO}>${escapeXml(baseLabel)}</text>`,
    );
  }
  body.push(
    legend(
      SIDES.map((s) => ({
        label: s.label,
        stroke: INK,
        fill: s.opacity === 1 ? '#737373' : '#d9d9d9',
      })),
      'top-right',
    ),
  );
  const describe = (key: (typeof SIDES)[number]['key']) =>
    version[key].bands
      .map((b) => `${b.band} ${percent(b.rate)} (${b.confirmed} of ${b.closed})`)
      .join(', ');
  const spec = {
    id: `live-${title}`,
    title,
    description:
      `Confirmed share of closed cases per band the entity had when its case opened, model ` +
      `${liveVersionName(version)}. Chosen by the model: ${describe('modelDriven')}. Random ` +
      `audit: ${describe('controlGroup')}. ${baseLabel}.`,
    xLabel: 'band when the case was opened',
    yLabel: 'confirmed / closed',
    xTicks: false,
  };
  return svgDocument(spec, frame, body);
}
