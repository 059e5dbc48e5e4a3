// Benchmark of issue #9's target "the rankings page is interactive within 1 s", in headless
// Chromium (Debian's, driven by playwright-core) against the real server over a scored data set.
//
// The API and the freshly built explorer run in a child process (bench/api-server.ts with
// RINGWATCH_BENCH_WEB_DIR) on an ephemeral loopback port; a bench user signs in. Each run opens a
// new browser context (empty cache: a first visit) holding the session cookie, navigates to the
// rankings for a filter and records, inside the page, the moment the first ranked row's entity
// link is in the document and the moment the frame after it is painted (performance.now(), from
// the navigation's start); a trial click then checks that the link takes clicks (visible, stable,
// not covered). Resource Timing gives the waterfall: the HTML, the script, /api/auth/me and
// /api/rankings as the page fetched them. Side by side, the peer: the bare GET /api/rankings for
// the same filter from this process with the same cookie (what the server alone costs), so the
// front-end's own share is visible. Medians of several runs after warm-up runs; figures in
// bench/results/web-rankings.json. Every rankings request is audited (the bench user is
// `bench-web-investigator`; its password is reset on each run).
//
//   RINGWATCH_INSTANCE=pages RINGWATCH_NEO4J_BOLT_PORT=7732 node --import tsx \
//     bench/web-rankings.ts [--runs 15] [--warmup 3] [--target-ms 1000]
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import type { Viewer } from '../server/auth/roles.js';
import { openDatabase } from '../server/cli/context.js';
import { loadConfig } from '../server/config.js';
import { projectRoot } from '../server/paths.js';
import { chromiumArgs, chromiumPath, launchBrowser } from '../test/e2e/browser.js';
import { buildWeb } from '../test/e2e/web-build.js';
import { latency, type Latency } from './api-load.js';
import { startApiProcess } from './api-process.js';
import { benchSignIn, benchUser } from './bench-user.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    'target-ms': { type: 'string', default: '1000' },
    out: {
      type: 'string',
      default: path.join(projectRoot, 'bench', 'results', 'web-rankings.json'),
    },
  },
});
const runs = Number(args.runs);
const warmup = Number(args.warmup);
const targetMs = Number(args['target-ms']);
const log = (line: string) => console.log(line);
const loadAtStart = os.loadavg();

// ---- the explorer, the bench user, the server ---------------------------------------------
const building = performance.now();
process.env.RINGWATCH_BENCH_WEB_DIR = await buildWeb();
log(`explorer built in ${Math.round(performance.now() - building) / 1000} s`);

const config = loadConfig();
const db = await openDatabase(config.neo4j, 'interactive');
const viewer: Viewer = { username: 'bench-web-investigator', role: 'investigator' };
const password = await benchUser(db, viewer);
const [{ scored } = { scored: 0 }] = (
  await db.driver.executeQuery(
    'MATCH (n) WHERE n.risk_score IS NOT NULL RETURN count(n) AS scored',
    {},
    { database: db.connection.database },
  )
).records.map((r) => ({ scored: Number(r.get('scored')) }));
if (scored === 0) throw new Error('bench: nothing is scored in this database; run the demo first');
await db.close();

const api = await startApiProcess();
const { url } = api;
const cookie = await benchSignIn(url, viewer.username, password);
const [cookieName, cookieValue] = [
  cookie.slice(0, cookie.indexOf('=')),
  cookie.slice(cookie.indexOf('=') + 1),
];

// ---- scenarios: the landing page and two filters an inspector uses --------------------------
interface Scenario {
  name: string;
  /** The page's query string; the API is asked the same (the page adds limit=50). */
  query: string;
}
const scenarios: Scenario[] = [
  { name: 'landing (employers, highest score first)', query: '' },
  { name: 'persons, red and orange', query: 'type=person&band=red,orange' },
  { name: 'employers, sector F, search "bouw"', query: 'sector=F&q=bouw' },
];

/** The API request the page makes for a page query (same names, its page size). */
const apiPath = (query: string) => {
  const params = new URLSearchParams(query);
  if (!params.has('type')) params.set('type', 'employer');
  if (!params.has('sort')) params.set('sort', 'score_desc');
  params.set('limit', '50');
  return `/api/rankings?${params.toString()}`;
};

// ---- one browser run ------------------------------------------------------------------------
interface PageRun {
  /** From navigation start: the first row's entity link is in the document. */
  firstRowMs: number;
  /** The frame after it painted. */
  paintedMs: number;
  /** When the trial click found the link clickable (this process's clock, from goto). */
  clickableMs: number;
  /** Resource Timing, from navigation start (responseEnd), and the rankings fetch's duration. */
  htmlMs: number;
  scriptMs: number;
  meMs: number;
  rankingsStartMs: number;
  rankingsMs: number;
  rankingsDurationMs: number;
  rows: number;
}

/**
 * Injected before the app's script: records when the first ranked row's link appears and when
 * the frame after it is painted. A string, not a function: tsx would wrap a function's inner
 * names in a helper the page does not have.
 */
const observeFirstRow = `(() => {
  const observer = new MutationObserver(() => {
    if (window.__firstRow !== undefined) return;
    const link = document.querySelector('#rankings-table:not(.stale) [data-testid="ranking-row"] a');
    if (!link) return;
    window.__firstRow = performance.now();
    requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/** Read in the page after a run: its marks and the waterfall from Resource Timing. */
const readFigures = `(() => {
  const entries = performance.getEntriesByType('resource');
  const nav = performance.getEntriesByType('navigation')[0];
  const script = entries.find((e) => /\\/assets\\/.*\\.js$/.test(e.name));
  const me = entries.find((e) => e.name.includes('/api/auth/me'));
  const rankings = entries.find((e) => e.name.includes('/api/rankings'));
  return {
    firstRowMs: window.__firstRow,
    paintedMs: window.__painted,
    htmlMs: nav.responseEnd,
    scriptMs: script ? script.responseEnd : NaN,
    meMs: me ? me.responseEnd : NaN,
    rankingsStartMs: rankings ? rankings.startTime : NaN,
    rankingsMs: rankings ? rankings.responseEnd : NaN,
    rankingsDurationMs: rankings ? rankings.responseEnd - rankings.startTime : NaN,
    rows: document.querySelectorAll('[data-testid="ranking-row"]').length,
  };
})()`;

async function pageRun(browser: Browser, scenario: Scenario): Promise<PageRun> {
  const context = await browser.newContext({
    baseURL: url,
    viewport: { width: 1400, height: 900 },
  });
  await context.addCookies([{ name: cookieName, value: cookieValue, url }]);
  await context.addInitScript({ content: observeFirstRow });
  const page = await context.newPage();
  try {
    const started = performance.now();
    await page.goto(scenario.query ? `/?${scenario.query}` : '/', { waitUntil: 'commit' });
    const link = page.locator('#rankings-table:not(.stale) [data-testid="ranking-row"] a').first();
    await link.click({ trial: true, timeout: 30_000 });
    const clickableMs = performance.now() - started;
    await page.waitForFunction('window.__painted !== undefined');
    const figures = await page.evaluate<Omit<PageRun, 'clickableMs'>>(readFigures);
    return { ...figures, clickableMs };
  } finally {
    await context.close();
  }
}

/** The peer: the same rankings request, bare, from this process with the same session. */
async function apiRun(scenario: Scenario): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}${apiPath(scenario.query)}`, {
    headers: { cookie, 'x-purpose': 'bench/web-rankings.ts' },
  });
  const body = (await response.json()) as { items?: unknown[] };
  if (response.status !== 200 || !Array.isArray(body.items) || body.items.length === 0) {
    throw new Error(`bench: ${apiPath(scenario.query)} answered ${response.status} without rows`);
  }
  return performance.now() - started;
}

// ---- runs -----------------------------------------------------------------------------------
const browser = await launchBrowser();
const median = (values: number[]) => latency(values.filter((v) => Number.isFinite(v))).p50;

interface ScenarioResult {
  name: string;
  page: string;
  api: string;
  rows: number;
  interactive: Latency;
  firstRow: Latency;
  clickable: Latency;
  waterfallMedianMs: {
    html: number;
    script: number;
    authMe: number;
    rankingsStart: number;
    rankingsEnd: number;
    rankingsInPage: number;
  };
  peer: { name: string; latency: Latency };
  /** Median interactive over median bare API time. */
  ratio: number;
  /** Median interactive minus the median rankings request as the page saw it ended. */
  frontEndShareMs: number;
  targetMs: number;
  met: boolean;
  loadAverage: number[];
}
const results: ScenarioResult[] = [];
log(
  `\n${'scenario'.padEnd(42)} ${'interactive p50'.padStart(15)} ${'p95'.padStart(7)} | ${'API p50'.padStart(8)} ${'p95'.padStart(7)} | ${'ratio'.padStart(6)} | waterfall p50: html, script, /auth/me, /rankings start→end | target`,
);
for (const scenario of scenarios) {
  for (let i = 0; i < warmup; i++) {
    await pageRun(browser, scenario);
    await apiRun(scenario);
  }
  const pages: PageRun[] = [];
  const bare: number[] = [];
  // Interleaved, so both see the same machine.
  for (let i = 0; i < runs; i++) {
    pages.push(await pageRun(browser, scenario));
    bare.push(await apiRun(scenario));
  }
  const interactive = latency(pages.map((p) => p.paintedMs));
  const peer = latency(bare);
  const waterfall = {
    html: median(pages.map((p) => p.htmlMs)),
    script: median(pages.map((p) => p.scriptMs)),
    authMe: median(pages.map((p) => p.meMs)),
    rankingsStart: median(pages.map((p) => p.rankingsStartMs)),
    rankingsEnd: median(pages.map((p) => p.rankingsMs)),
    rankingsInPage: median(pages.map((p) => p.rankingsDurationMs)),
  };
  const ratio = Math.round((interactive.p50 / peer.p50) * 10) / 10;
  const met = interactive.p50 <= targetMs && interactive.p95 <= targetMs;
  results.push({
    name: scenario.name,
    page: scenario.query ? `/?${scenario.query}` : '/',
    api: apiPath(scenario.query),
    rows: pages[0]?.rows ?? 0,
    interactive,
    firstRow: latency(pages.map((p) => p.firstRowMs)),
    clickable: latency(pages.map((p) => p.clickableMs)),
    waterfallMedianMs: waterfall,
    peer: { name: 'bare GET /api/rankings, same filter and session', latency: peer },
    ratio,
    frontEndShareMs: Math.round((interactive.p50 - waterfall.rankingsInPage) * 10) / 10,
    targetMs,
    met,
    loadAverage: os.loadavg(),
  });
  log(
    `${scenario.name.padEnd(42)} ${String(interactive.p50).padStart(15)} ${String(interactive.p95).padStart(7)} | ${String(peer.p50).padStart(8)} ${String(peer.p95).padStart(7)} | ${`${ratio}×`.padStart(6)} | ${waterfall.html}, ${waterfall.script}, ${waterfall.authMe}, ${waterfall.rankingsStart}→${waterfall.rankingsEnd} | ≤ ${targetMs} ms: ${met ? 'met' : 'NOT met'}`,
  );
}
const loadAtEnd = os.loadavg();
log(
  `load average ${loadAtStart.map((x) => x.toFixed(1)).join(' ')} at start, ${loadAtEnd.map((x) => x.toFixed(1)).join(' ')} at end; ${os.cpus().length} cores; ${scored.toLocaleString('en')} scored entities`,
);
await browser.close();
api.stop();

await writeFile(
  args.out,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      runsPerScenario: runs,
      warmupRunsPerScenario: warmup,
      browser: { executable: chromiumPath, args: chromiumArgs, viewport: '1400×900' },
      machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      database:
        config.neo4j.mode === 'embedded'
          ? `embedded instance ${config.neo4j.instance}`
          : 'external',
      scoredEntities: scored,
      measure:
        'interactive: navigation start to the frame painted after the first ranked row’s link is in the document (a trial click confirms it takes clicks); new browser context per run (empty cache), signed in by cookie',
      results,
    },
    null,
    2,
  )}\n`,
);
log(`written to ${path.relative(process.cwd(), args.out)}`);
