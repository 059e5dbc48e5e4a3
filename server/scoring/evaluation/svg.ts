// The frame every evaluation chart shares: an accessible SVG document (role="img", <title>
// and <desc> referenced by aria-labelledby), a plot area with grid, axes, tick labels and axis
// titles, and a legend that tells series apart by line style and text, not by colour alone.
// Plain string templates; every piece of text goes through escapeXml, and every coordinate is
// written with at most two decimals, so the same input always gives the same bytes.
import { scaleLinear, type ScaleLinear } from 'd3-scale';

export const WIDTH = 520;
export const HEIGHT = 400;
export const MARGIN = { top: 44, right: 24, bottom: 56, left: 64 } as const;
export const INK = '#252525';
export const GRID = '#e0e0e0';

/** Escapes the five XML special characters, and drops control characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  let clean = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) clean += ch;
  }
  return clean
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A coordinate with at most two decimals and no "-0". */
export function num(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(r === 0 ? 0 : r);
}

/** A slug safe in an XML id. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'chart'
  );
}

export interface Frame {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

export interface FrameSpec {
  /** Unique within a page that inlines several charts. */
  id: string;
  title: string;
  /** A sentence or two that says what the chart shows, with its key figures, for screen readers. */
  description: string;
  xLabel: string;
  yLabel: string;
  xDomain?: [number, number];
  yDomain?: [number, number];
  /** Skip the x axis ticks (a band chart draws its own categories). */
  xTicks?: boolean;
}

export function linearFrame(spec: FrameSpec): Frame {
  return {
    x: scaleLinear()
      .domain(spec.xDomain ?? [0, 1])
      .range([MARGIN.left, WIDTH - MARGIN.right]),
    y: scaleLinear()
      .domain(spec.yDomain ?? [0, 1])
      .range([HEIGHT - MARGIN.bottom, MARGIN.top]),
  };
}

function axes(spec: FrameSpec, frame: Frame): string {
  const { x, y } = frame;
  const [x0, x1] = x.range() as [number, number];
  const [y0, y1] = y.range() as [number, number];
  const parts: string[] = ['<g class="axes" font-size="11" fill="' + INK + '">'];
  const yFormat = y.tickFormat(5);
  for (const t of y.ticks(5)) {
    parts.push(
      `<line x1="${num(x0)}" x2="${num(x1)}" y1="${num(y(t))}" y2="${num(y(t))}" stroke="${GRID}"/>`,
      `<text x="${num(x0 - 6)}" y="${num(y(t) + 4)}" text-anchor="end">${escapeXml(yFormat(t))}</text>`,
    );
  }
  if (spec.xTicks !== false) {
    const xFormat = x.tickFormat(5);
    for (const t of x.ticks(5)) {
      parts.push(
        `<line x1="${num(x(t))}" x2="${num(x(t))}" y1="${num(y0)}" y2="${num(y1)}" stroke="${GRID}"/>`,
        `<text x="${num(x(t))}" y="${num(y0 + 16)}" text-anchor="middle">${escapeXml(xFormat(t))}</text>`,
      );
    }
  }
  parts.push(
    `<line x1="${num(x0)}" x2="${num(x1)}" y1="${num(y0)}" y2="${num(y0)}" stroke="${INK}"/>`,
    `<line x1="${num(x0)}" x2="${num(x0)}" y1="${num(y0)}" y2="${num(y1)}" stroke="${INK}"/>`,
    `<text x="${num((x0 + x1) / 2)}" y="${num(HEIGHT - 14)}" text-anchor="middle" font-size="12">${escapeXml(spec.xLabel)}</text>`,
    `<text transform="translate(16 ${num((y0 + y1) / 2)}) rotate(-90)" text-anchor="middle" font-size="12">${escapeXml(spec.yLabel)}</text>`,
    '</g>',
  );
  return parts.join('\n');
}

/** The whole document: frame, axes, then `body` (already-escaped SVG elements). */
export function svgDocument(spec: FrameSpec, frame: Frame, body: string[]): string {
  const id = slug(spec.id);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="sans-serif">`,
    `<title id="${id}-title">${escapeXml(spec.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(spec.description)}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="14" font-weight="bold" fill="${INK}">${escapeXml(spec.title)}</text>`,
    axes(spec, frame),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

export interface LegendEntry {
  label: string;
  stroke: string;
  dash?: string;
  /** A filled square instead of a line (bars). */
  fill?: string;
}

/** A legend in the top-left of the plot area (or the corner named by `corner`). */
export function legend(
  entries: LegendEntry[],
  corner: 'top-left' | 'top-right' | 'bottom-right' = 'top-left',
) {
  const rowHeight = 16;
  const left = corner === 'top-left' ? MARGIN.left + 10 : WIDTH - MARGIN.right - 230;
  const top =
    corner === 'bottom-right'
      ? HEIGHT - MARGIN.bottom - 8 - entries.length * rowHeight
      : MARGIN.top + 8;
  const rows = entries.map((e, i) => {
    const y = top + i * rowHeight + rowHeight / 2;
    const swatch = e.fill
      ? `<rect x="${num(left)}" y="${num(y - 5)}" width="18" height="10" fill="${e.fill}" stroke="${e.stroke}"/>`
      : `<line x1="${num(left)}" x2="${num(left + 18)}" y1="${num(y)}" y2="${num(y)}" stroke="${e.stroke}" stroke-width="2"${e.dash ? ` stroke-dasharray="${e.dash}"` : ''}/>`;
    return `${swatch}\n<text x="${num(left + 24)}" y="${num(y + 4)}">${escapeXml(e.label)}</text>`;
  });
  return `<g class="legend" font-size="11" fill="${INK}">\n${rows.join('\n')}\n</g>`;
}
