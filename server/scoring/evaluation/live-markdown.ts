// The report's "Live hit rates" section (live.ts): per area and model version, a table of the
// confirmed share per band among the cases the model chose next to the random-audit control
// group, the base rate and the red band's lift in words, and the caveats of small counts.
import {
  LIVE_INDICATIVE_BELOW,
  latestLiveVersion,
  liveVersionName,
  type LiveArea,
  type LiveBand,
  type LiveGroup,
  type LiveVersion,
} from './live.js';
import { NA, pct, prop, range, table } from './markdown-format.js';
import { areaTitle, liveChartFile } from './report-files.js';

const times = (x: number | null) => (x === null ? NA : `${x.toFixed(2)}×`);
const inspections = (n: number) => `${n} closed case inspection${n === 1 ? '' : 's'}`;

function rate(b: Pick<LiveBand, 'closed' | 'rate' | 'interval' | 'indicative'>): string {
  if (b.closed === 0) return NA;
  return `${pct(b.rate)}${range(b.interval, pct)}${b.indicative ? ' *' : ''}`;
}

function overallRow(v: LiveVersion): string[] {
  const base = v.controlGroup.overall.rate;
  const cells = (g: LiveGroup) => {
    const o = g.overall;
    const lift = o.rate === null || !base ? null : o.rate / base;
    const indicative = o.n < LIVE_INDICATIVE_BELOW;
    return [String(o.n), String(o.hits), rate({ ...o, closed: o.n, indicative }), times(lift)];
  };
  return ['all bands', ...cells(v.modelDriven), ...cells(v.controlGroup)];
}

function versionTable(v: LiveVersion): string {
  const rows = v.modelDriven.bands.map((m, k) => {
    const c = v.controlGroup.bands[k] ?? m;
    const side = (b: LiveBand) => [String(b.closed), String(b.confirmed), rate(b), times(b.lift)];
    return [m.band, ...side(m), ...side(c)];
  });
  if (v.modelDriven.unbanded + v.controlGroup.unbanded > 0) {
    const side = (n: number) => [String(n), NA, NA, NA];
    rows.push(['no band', ...side(v.modelDriven.unbanded), ...side(v.controlGroup.unbanded)]);
  }
  rows.push(overallRow(v));
  return table(
    [
      'band when opened',
      'model: closed',
      'model: confirmed',
      'model: share confirmed [95 % CI]',
      'model: lift',
      'random audit: closed',
      'random audit: confirmed',
      'random audit: share confirmed [95 % CI]',
      'random audit: lift',
    ],
    rows,
    [false, true, true, true, true, true, true, true, true],
  );
}

function versionText(v: LiveVersion): string[] {
  const base = v.controlGroup.overall;
  const red = v.modelDriven.bands.find((b) => b.band === 'red');
  const lines: string[] = [];
  lines.push(
    base.n === 0
      ? '- No random audit has closed under this version: there is no base rate free of selection bias to compare with, so no lift.'
      : `- Base rate free of selection bias (the random-audit control group, every band): ${prop(base)}.`,
  );
  if (!red || red.closed === 0) {
    lines.push('- No red-band case chosen by the model has closed under this version yet.');
  } else {
    const lift =
      red.lift === null ? '' : `: ${times(red.lift)} the base rate (lift of the red band)`;
    lines.push(
      `- Red band, chosen by the model: ${pct(red.rate)}${range(red.interval, pct)} confirmed (${red.confirmed} of ${red.closed})${lift}.`,
    );
  }
  const small: string[] = [];
  for (const [name, g] of [
    ['model', v.modelDriven],
    ['random audit', v.controlGroup],
  ] as const) {
    for (const b of g.bands)
      if (b.closed > 0 && b.indicative) small.push(`${b.band} ${name} (${b.closed})`);
  }
  if (base.n > 0 && base.n < LIVE_INDICATIVE_BELOW) small.push(`the base rate (${base.n})`);
  if (small.length > 0) {
    lines.push(
      `- \\* Indicative: fewer than ${LIVE_INDICATIVE_BELOW} closed cases behind ${small.join(', ')}; the intervals show how little they pin down.`,
    );
  }
  if (v.otherOrigins > 0) {
    lines.push(
      `- ${inspections(v.otherOrigins)} of other origins (complaints, other services…) ${v.otherOrigins === 1 ? 'is' : 'are'} in neither column.`,
    );
  }
  return lines;
}

function areaSection(a: LiveArea): string {
  const title = areaTitle(a.area);
  const lines = [`### ${title}`, ''];
  if (a.versions.length === 0) {
    lines.push(
      'No case has been closed in this area yet, so there are no live hit rates: they appear here once cases sent from the queue are closed.',
      '',
    );
    return lines.join('\n');
  }
  lines.push(`${inspections(a.closed)}.`, '');
  for (const v of a.versions) {
    const name =
      v.modelVersion === null ? 'Rules only (no trained model)' : `Model \`${v.modelVersion}\``;
    const when =
      v.firstClosed === v.lastClosed
        ? `on ${v.firstClosed}`
        : `${v.firstClosed} to ${v.lastClosed}`;
    lines.push(
      `#### ${name}, cases closed ${when}`,
      '',
      versionTable(v),
      '',
      ...versionText(v),
      '',
    );
  }
  const latest = latestLiveVersion(a);
  if (latest) {
    lines.push(
      `![${title}: live hit rate per band, ${liveVersionName(latest)}](${liveChartFile(a.area)})`,
      '',
    );
  }
  return lines.join('\n');
}

/** The whole section, one subsection per area. */
export function liveMarkdown(live: readonly LiveArea[]): string {
  return [
    '## Live hit rates from closed cases',
    '',
    'Closing a case writes one inspection per entity it concerns, with the band and model version the entity had when the case was opened. Per model version and band, the share confirmed among the cases the model chose (origin risk_model) stands next to the random-audit control group (origin random_audit): entities drawn at random, whose overall share confirmed is the base rate free of selection bias. Lift is a share over that base rate, within the same version. These outcomes also retrain the model; the hold-out test sets above are fixed to loaded inspections, so closing cases does not change what the versions are measured on.',
    '',
    ...live.map(areaSection),
  ].join('\n');
}
