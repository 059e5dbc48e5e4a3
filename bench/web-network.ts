// Benchmark of issue #9's network speed targets in headless Chromium (Debian's, software WebGL:
// no GPU): a 5 000-node / 20 000-edge community loads, lays out and becomes interactive within
// 3 s; panning and zooming a 20 000-node graph stays at 30 frames per second or better.
//
// A bench page (web/bench/network.html, built here by Vite into a temporary folder, never part
// of the app) generates a community (clusters of ~50 nodes, web/bench/bench-graph.ts) and feeds
// it, as the API's JSON, to the explorer's real drawing component (NetworkCanvas: placement,
// reducers, the bordered-node program, ForceAtlas2 in its worker). The peer, in the same run
// and browser: the same graph drawn by plain sigma with default settings, random positions and
// no layout, so the component's own cost shows. Each run is a fresh page.
//
// Load: ms from the JSON in hand to the graph built and mounted, the first frame drawn, the main
// thread free (interactive), and ForceAtlas2 stopped by itself (laid out); the longest gap
// between animation frames while the layout ran (the tab never froze longer). Pan: the camera
// animated through pans and zooms for a few seconds, frame times from requestAnimationFrame.
// Where full frames are slow (software WebGL here), the component shows camera moves by moving
// the last full frame and draws a full frame once the camera rests (explorer-renderer.ts): its
// rows give how many frames were moved and drawn, and the ms from the camera's last move to the
// full frame on screen; it is measured with every frame drawn in full too (as sigma does).
// Figures in bench/results/web-network.json.
//
//   node --import tsx bench/web-network.ts [--runs 5] [--pan-runs 3] [--pan-seconds 4]
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { projectRoot } from '../server/paths.js';
import { chromiumArgs, launchBrowser } from '../test/e2e/browser.js';
import type { LoadFigures, PanFigures } from '../web/bench/bench-figures.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'pan-runs': { type: 'string', default: '3' },
    'pan-seconds': { type: 'string', default: '4' },
    out: {
      type: 'string',
      default: path.join(projectRoot, 'bench', 'results', 'web-network.json'),
    },
  },
});
const runs = Number(args.runs);
const panRuns = Number(args['pan-runs']);
const panSeconds = Number(args['pan-seconds']);
const log = (line: string) => console.log(line);

const LOAD = { nodes: 5000, edges: 20_000 };
const PAN = { nodes: 20_000, edges: 80_000 };

// ---- the bench page, built and served -------------------------------------------------------
const outDir = await mkdtemp(path.join(tmpdir(), 'ringwatch-bench-web-'));
await build({
  configFile: path.join(projectRoot, 'vite.config.ts'),
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: { input: path.join(projectRoot, 'web', 'bench', 'network.html') },
  },
});
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};
const server = createServer((request, response) => {
  const file = path.join(outDir, path.normalize(new URL(request.url ?? '/', 'http://x').pathname));
  if (!file.startsWith(outDir)) return void response.writeHead(403).end();
  readFile(file).then(
    (body) =>
      response
        .writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
        .end(body),
    () => response.writeHead(404).end(),
  );
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
if (!address || typeof address === 'string') throw new Error('bench: no server address');
const url = `http://127.0.0.1:${address.port}/bench/network.html`;

interface BenchWindow {
  bench: {
    load(mode: string, nodes: number, edges: number): Promise<LoadFigures>;
    pan(mode: string, nodes: number, edges: number, s: number, full: boolean): Promise<PanFigures>;
    renderer(): string;
  };
}

async function onPage<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => 'bench' in window);
  const result = await run(page).finally(() => context.close());
  if (problems.length > 0) throw new Error(`bench page: ${problems.join('; ')}`);
  return result;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

const browser = await launchBrowser();
const results: Record<string, unknown> = {};
try {
  const renderer = await onPage(browser, (page) =>
    page.evaluate(() => (window as unknown as BenchWindow).bench.renderer()),
  );
  log(`Chromium ${browser.version()} (${chromiumArgs.join(' ')}), WebGL: ${renderer}`);
  results.browser = { version: browser.version(), args: chromiumArgs, webgl: renderer };

  // ---- load: 5 000 nodes / 20 000 edges ------------------------------------------------------
  const loads: Record<string, LoadFigures[]> = { component: [], plain: [] };
  for (let i = 0; i < runs; i++) {
    for (const mode of ['component', 'plain'] as const) {
      const figures = await onPage(browser, (page) =>
        page.evaluate(([m, n, e]) => (window as unknown as BenchWindow).bench.load(m, n, e), [
          mode,
          LOAD.nodes,
          LOAD.edges,
        ] as const),
      );
      loads[mode]!.push(figures);
    }
  }
  const loadSummary = (list: LoadFigures[]) => ({
    mergedMs: round(median(list.map((f) => f.merged))),
    firstFrameMs: round(median(list.map((f) => f.firstFrame))),
    interactiveMs: round(median(list.map((f) => f.interactive))),
    laidOutMs: list[0]!.laidOut === null ? null : round(median(list.map((f) => f.laidOut!))),
    iterations: list[0]!.iterations === null ? null : median(list.map((f) => f.iterations!)),
    longestFrameGapMs: round(median(list.map((f) => f.longestFrameGapMs))),
    order: list[0]!.order,
    size: list[0]!.size,
  });
  const component = loadSummary(loads.component!);
  const plain = loadSummary(loads.plain!);
  log(
    `\nLoad a ${LOAD.nodes.toLocaleString('en')}-node / ${LOAD.edges.toLocaleString('en')}-edge community (median of ${runs} runs, ms)`,
  );
  log(
    '                      built+mounted  first frame  interactive  laid out  FA2 iterations  longest frame gap',
  );
  for (const [name, s] of [
    ['explorer component', component],
    ['plain sigma (peer)', plain],
  ] as const) {
    log(
      `${name.padEnd(22)}${String(s.mergedMs).padStart(13)}${String(s.firstFrameMs).padStart(13)}${String(s.interactiveMs).padStart(13)}${String(s.laidOutMs ?? '—').padStart(10)}${String(s.iterations ?? '—').padStart(16)}${String(s.longestFrameGapMs).padStart(19)}`,
    );
  }
  log(
    `component / peer: first frame ×${round(component.firstFrameMs / plain.firstFrameMs, 2)}, interactive ×${round(component.interactiveMs / plain.interactiveMs, 2)}; target: laid out and interactive ≤ 3 000 ms → ${Math.max(component.laidOutMs ?? 0, component.interactiveMs) <= 3000 ? 'met' : 'NOT met'}`,
  );
  results.load = { graph: LOAD, runs, component, plain, raw: loads };

  // ---- pan and zoom: 20 000 nodes ------------------------------------------------------------
  const pans: Record<string, PanFigures[]> = { component: [], componentFull: [], plain: [] };
  for (let i = 0; i < panRuns; i++) {
    for (const [key, mode, fullFramesOnly] of [
      ['component', 'component', false],
      ['componentFull', 'component', true],
      ['plain', 'plain', false],
    ] as const) {
      const figures = await onPage(browser, (page) =>
        page.evaluate(
          ([m, n, e, s, w]) => (window as unknown as BenchWindow).bench.pan(m, n, e, s, w),
          [mode, PAN.nodes, PAN.edges, panSeconds, fullFramesOnly] as const,
        ),
      );
      pans[key]!.push(figures);
    }
  }
  const panSummary = (list: PanFigures[]) => ({
    fps: round(median(list.map((f) => f.fps)), 1),
    medianFrameMs: round(median(list.map((f) => f.medianFrameMs)), 1),
    p95FrameMs: round(median(list.map((f) => f.p95FrameMs)), 1),
    worstFrameMs: round(median(list.map((f) => f.worstFrameMs)), 1),
    movedFrames: list[0]!.movedFrames === null ? null : median(list.map((f) => f.movedFrames!)),
    fullFrames: list[0]!.fullFrames === null ? null : median(list.map((f) => f.fullFrames!)),
    restToFullMs:
      list[0]!.restToFullMs === null ? null : round(median(list.map((f) => f.restToFullMs!))),
  });
  const panned = {
    component: panSummary(pans.component!),
    componentFull: panSummary(pans.componentFull!),
    plain: panSummary(pans.plain!),
  };
  log(
    `\nPan and zoom a ${PAN.nodes.toLocaleString('en')}-node / ${PAN.edges.toLocaleString('en')}-edge graph for ${panSeconds} s (median of ${panRuns} runs)`,
  );
  log(
    '                                      fps  median frame ms  p95 frame ms  worst frame ms  moved/full frames  rest→full ms',
  );
  for (const [name, s] of [
    ['explorer component', panned.component],
    ['explorer component, all frames full', panned.componentFull],
    ['plain sigma (peer)', panned.plain],
  ] as const) {
    const frames = s.movedFrames === null ? '—' : `${s.movedFrames}/${s.fullFrames}`;
    log(
      `${name.padEnd(37)}${String(s.fps).padStart(5)}${String(s.medianFrameMs).padStart(17)}${String(s.p95FrameMs).padStart(14)}${String(s.worstFrameMs).padStart(16)}${frames.padStart(19)}${String(s.restToFullMs ?? '—').padStart(14)}`,
    );
  }
  log(
    `component / peer fps: ×${round(panned.component.fps / panned.plain.fps, 2)} (all frames full: ×${round(panned.componentFull.fps / panned.plain.fps, 2)}); target ≥ 30 fps → ${panned.component.fps >= 30 ? 'met' : 'NOT met'}`,
  );
  results.pan = { graph: PAN, runs: panRuns, seconds: panSeconds, ...panned, raw: pans };
  results.at = new Date().toISOString();
  await writeFile(args.out, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nFigures in ${path.relative(projectRoot, args.out)}`);
} finally {
  await browser.close();
  server.close();
  await rm(outDir, { recursive: true, force: true });
}
