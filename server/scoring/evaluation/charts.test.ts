import { describe, expect, it } from 'vitest';
import { rocCurve } from './auc.js';
import { bandChart, calibrationChart, prChart, rocChart } from './charts.js';
import { calibrationBins, hitRateByBand, prCurve, proportion } from './metrics.js';
import { escapeXml } from './svg.js';
import { xmlProblem } from './test-xml.js';

const S = [0.9, 0.8, 0.8, 0.6, 0.4, 0.4, 0.2, 0.1];
const Y = [true, true, false, true, false, true, false, false];
const S2 = [0.5, 0.7, 0.3, 0.2, 0.6, 0.1, 0.4, 0.8];

function count(svg: string, pattern: RegExp): number {
  return [...svg.matchAll(new RegExp(pattern, 'g'))].length;
}

function charts() {
  const bands = hitRateByBand(
    ['red', 'red', 'orange', 'orange', 'green', 'green', 'blue', 'blue'],
    Y,
  );
  return {
    roc: rocChart([
      { label: 'full model (AUC 0.812)', points: rocCurve(S, Y).points },
      { label: 'intrinsic only <& "quoted">', points: rocCurve(S2, Y).points },
    ]),
    pr: prChart(
      [
        { label: 'full model', points: prCurve(S, Y).points },
        { label: 'intrinsic only', points: prCurve(S2, Y).points },
      ],
      0.5,
    ),
    calibration: calibrationChart(calibrationBins(S, Y, 4)),
    bands: bandChart(bands, proportion(2, 25)),
  };
}

describe('evaluation charts', () => {
  it('are well-formed, accessible SVG documents', () => {
    for (const [name, svg] of Object.entries(charts())) {
      expect(xmlProblem(svg), name).toBeNull();
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), name).toBe(true);
      expect(svg, name).toMatch(/role="img" aria-labelledby="([a-z0-9-]+)-title \1-desc"/);
      expect(count(svg, /<title id=/), name).toBe(1);
      expect(count(svg, /<desc id=/), name).toBe(1);
      expect(svg, name).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('the ROC chart has both curves, the diagonal, labelled axes and an escaped legend', () => {
    const { roc } = charts();
    expect(count(roc, /<path class="series" d="M/)).toBe(2);
    expect(count(roc, /<line class="reference"/)).toBe(1);
    expect(roc).toContain('false positive rate');
    expect(roc).toContain('true positive rate');
    expect(roc).toContain('intrinsic only &lt;&amp; &quot;quoted&quot;&gt;');
    expect(roc).not.toContain('<&');
  });

  it('the PR chart is drawn in steps with the base-rate line', () => {
    const { pr } = charts();
    expect(count(pr, /<path class="series"/)).toBe(2);
    expect(pr).toContain('base rate 50.0 %');
    // step paths only move horizontally or vertically: every segment repeats an x or a y
    const d = /<path class="series" d="([^"]+)"/.exec(pr)?.[1] ?? '';
    const pts = [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [m[1], m[2]]);
    for (let i = 1; i < pts.length; i++) {
      const [a, b] = [pts[i - 1]!, pts[i]!];
      expect(a[0] === b[0] || a[1] === b[1]).toBe(true);
    }
  });

  it('the calibration chart shows a point, a whisker and a count per non-empty bin', () => {
    const { calibration } = charts();
    // 4 bins: [0,.25] {.2,.1} (.25,.5] {.4,.4} (.5,.75] {.6} (.75,1] {.9,.8,.8}
    expect(count(calibration, /<circle /)).toBe(4);
    expect(calibration).toContain('n=3');
    expect(calibration).toContain('perfect calibration');
  });

  it('the band chart has one coloured, named bar per band and the reference lines', () => {
    const { bands } = charts();
    for (const [band, colour] of [
      ['red', '#d7301f'],
      ['orange', '#fc8d59'],
      ['green', '#1a9850'],
      ['blue', '#4575b4'],
    ]) {
      expect(bands).toContain(`fill="${colour}"`);
      expect(bands).toMatch(new RegExp(`>${band}</text>`));
    }
    expect(count(bands, /<rect class="bar"/)).toBe(4);
    expect(bands).toContain('base rate 50.0 %');
    expect(bands).toContain('random-audit control group 8.0 % (n=25)');
  });

  it('is deterministic: the same input gives the same bytes', () => {
    expect(charts()).toEqual(charts());
  });

  it('escapes text and drops control characters', () => {
    expect(escapeXml(`a<b>&"c"'\u0001`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;');
    expect(xmlProblem('<a><b></a></b>')).toMatch(/closes/);
    expect(xmlProblem('<a>x & y</a>')).toMatch(/unescaped/);
  });
});
