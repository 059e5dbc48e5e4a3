// The model page's charts as inline SVG (geometry in model-charts.ts), each with a title, a
// description and a table of the same figures, so they read without sight and without colour.
import { percent, fixed } from '../cases/format.js';
import { bandColours, bandShapes } from '../ui/band.js';
import {
  defaultFrame,
  hitRateChart,
  metricNames,
  metricsChart,
  versionLabel,
  type MetricKey,
} from './model-charts.js';
import type { LiveVersion, ModelVersion } from './model-types.js';

function Axis({
  ticks,
  left,
  right,
}: {
  ticks: { y: number; label: string }[];
  left: number;
  right: number;
}) {
  return (
    <g class="axis" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t.label}>
          <line x1={left} x2={right} y1={t.y} y2={t.y} class="grid" />
          <text x={left - 6} y={t.y} dy="0.32em" text-anchor="end">
            {t.label}
          </text>
        </g>
      ))}
    </g>
  );
}

export function HitRateChart({ live, id }: { live: LiveVersion; id: string }) {
  const chart = hitRateChart(live);
  const base = live.controlGroup.overall;
  const description = `Confirmed share of closed model-driven cases per band: ${chart.bars
    .map((b) =>
      b.rate === null ? `${b.band} none closed` : `${b.band} ${percent(b.rate)} of ${b.closed}`,
    )
    .join(', ')}. Control group base rate ${
    base.rate === null ? 'unknown (no control cases closed)' : `${percent(base.rate)} of ${base.n}`
  }.`;
  return (
    <figure class="chart" data-testid="hit-rate-chart">
      <svg
        viewBox={`0 0 ${defaultFrame.width} ${defaultFrame.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>
          Hit rate per band, model-driven cases against the control group
        </title>
        <desc id={`${id}-desc`}>{description}</desc>
        <Axis ticks={chart.ticks} left={chart.left} right={chart.right} />
        {chart.bars.map((b) => (
          <g key={b.band} class={b.indicative ? 'indicative' : undefined}>
            {b.rate !== null && (
              <rect
                x={b.x}
                y={b.y}
                width={b.width}
                height={Math.max(b.height, 1)}
                fill={bandColours[b.band]}
                fill-opacity={b.indicative ? 0.55 : 1}
              />
            )}
            {b.interval && (
              <line
                class="interval"
                x1={b.x + b.width / 2}
                x2={b.x + b.width / 2}
                y1={b.interval.top}
                y2={b.interval.bottom}
              />
            )}
            {b.controlY !== null && (
              <line
                class="control-band"
                x1={b.x - 3}
                x2={b.x + b.width + 3}
                y1={b.controlY}
                y2={b.controlY}
              />
            )}
            <text x={b.x + b.width / 2} y={chart.baseline + 16} text-anchor="middle">
              {bandShapes[b.band]} {b.band}
            </text>
            <text x={b.x + b.width / 2} y={chart.baseline + 30} text-anchor="middle" class="muted">
              {b.rate === null ? 'none closed' : `${percent(b.rate, 0)} of ${b.closed}`}
            </text>
          </g>
        ))}
        {chart.reference && (
          <g class="reference">
            <line x1={chart.left} x2={chart.right} y1={chart.reference.y} y2={chart.reference.y} />
            <text x={chart.right} y={chart.reference.y - 5} text-anchor="end">
              control group {percent(chart.reference.rate)}
            </text>
          </g>
        )}
      </svg>
      <figcaption>
        Bars: confirmed share of the closed cases the model chose, per band as it was when the case
        was opened (pale: fewer than 30 cases, indicative; whisker: 95 % interval). Dashed line: the
        random-audit control group’s confirmed share, the base rate; short dark marks: the control
        group’s share within the band.
      </figcaption>
      <table class="chart-table">
        <caption>Hit rates behind the chart</caption>
        <thead>
          <tr>
            <th>Band</th>
            <th class="num">Model-driven closed</th>
            <th class="num">Confirmed</th>
            <th class="num">Hit rate</th>
            <th class="num">Lift over base rate</th>
            <th class="num">Control closed</th>
            <th class="num">Control hit rate</th>
          </tr>
        </thead>
        <tbody>
          {live.modelDriven.bands.map((b) => {
            const c = live.controlGroup.bands.find((d) => d.band === b.band);
            return (
              <tr key={b.band}>
                <td>
                  {bandShapes[b.band]} {b.band}
                </td>
                <td class="num">{b.closed}</td>
                <td class="num">{b.confirmed}</td>
                <td class="num">
                  {percent(b.rate)}
                  {b.indicative && b.closed > 0 && <span class="muted"> (indicative)</span>}
                </td>
                <td class="num">{b.lift === null ? '—' : `× ${fixed(b.lift, 2)}`}</td>
                <td class="num">{c?.closed ?? 0}</td>
                <td class="num">{percent(c?.rate)}</td>
              </tr>
            );
          })}
          <tr class="total">
            <td>all</td>
            <td class="num">{live.modelDriven.overall.n}</td>
            <td class="num">{live.modelDriven.overall.hits}</td>
            <td class="num">{percent(live.modelDriven.overall.rate)}</td>
            <td class="num">—</td>
            <td class="num">{base.n}</td>
            <td class="num">{percent(base.rate)}</td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}

const seriesStyle: Record<MetricKey, { colour: string; dash?: string; marker: string }> = {
  rocAuc: { colour: '#2b4c7e', marker: '●' },
  prAuc: { colour: '#8a4f00', dash: '6 3', marker: '▲' },
  brier: { colour: '#5b6472', dash: '2 3', marker: '■' },
  redPrecision: { colour: '#1f7a5a', dash: '10 3 2 3', marker: '◆' },
};

function Marker({ metric, x, y }: { metric: MetricKey; x: number; y: number }) {
  const colour = seriesStyle[metric].colour;
  if (metric === 'prAuc')
    return <path d={`M${x},${y - 5}L${x + 5},${y + 4}L${x - 5},${y + 4}Z`} fill={colour} />;
  if (metric === 'brier') return <rect x={x - 4} y={y - 4} width={8} height={8} fill={colour} />;
  if (metric === 'redPrecision')
    return <path d={`M${x},${y - 5}L${x + 5},${y}L${x},${y + 5}L${x - 5},${y}Z`} fill={colour} />;
  return <circle cx={x} cy={y} r={4} fill={colour} />;
}

export function MetricsChart({ versions, id }: { versions: ModelVersion[]; id: string }) {
  const chart = metricsChart(versions);
  const description = chart.series
    .map(
      (s) =>
        `${metricNames[s.metric]}: ${
          s.points.length === 0
            ? 'no hold-out'
            : s.points.map((p) => `${p.version} ${fixed(p.value)}`).join(', ')
        }`,
    )
    .join('. ');
  return (
    <figure class="chart" data-testid="metrics-chart">
      <svg
        viewBox={`0 0 ${defaultFrame.width} ${defaultFrame.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>Hold-out metrics across versions</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <Axis ticks={chart.ticks} left={chart.left} right={chart.right} />
        {chart.series.map((s) => (
          <g key={s.metric}>
            <path
              d={s.path}
              fill="none"
              stroke={seriesStyle[s.metric].colour}
              stroke-width={2}
              stroke-dasharray={seriesStyle[s.metric].dash}
            />
            {s.points.map((p) => (
              <Marker key={p.version} metric={s.metric} x={p.x} y={p.y} />
            ))}
          </g>
        ))}
        {chart.versions.map((v) => (
          <text
            key={v.version}
            x={v.x}
            y={chart.baseline + 16}
            text-anchor="middle"
            class={v.active ? 'active' : undefined}
          >
            {versionLabel(v.version).day}
            {v.active ? ' ★' : ''}
            <tspan x={v.x} dy="1.2em">
              {versionLabel(v.version).time}
            </tspan>
          </text>
        ))}
      </svg>
      <figcaption>
        <ul class="legend">
          {chart.series.map((s) => (
            <li key={s.metric}>
              <span style={{ color: seriesStyle[s.metric].colour }} aria-hidden="true">
                {seriesStyle[s.metric].marker}
              </span>{' '}
              {metricNames[s.metric]}
            </li>
          ))}
          <li>★ active version</li>
        </ul>
        ROC AUC, PR AUC and precision at capacity: higher is better; Brier score: lower is better.
        All on each version’s own later hold-out.
      </figcaption>
    </figure>
  );
}
