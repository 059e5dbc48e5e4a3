// What the browser tests run against: a small generated data set (ids prefixed `web-`) loaded,
// analysed, trained and scored in the test Neo4j; one account per role; the real server
// (API and built explorer) on a free port; Debian's Chromium.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { generateDataset } from '../../fixtures/generate.js';
import { loadDataset } from '../../loaders/load-dataset.js';
import { runAnalysis } from '../../server/analytics/run-analysis.js';
import { createApp } from '../../server/api/app.js';
import { listen, type Listening } from '../../server/api/serve.js';
import type { Role } from '../../server/auth/roles.js';
import type { Database } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';
import { scoringSetup } from '../../server/scoring/setup.js';
import type { TrainedModel } from '../../server/scoring/model.js';
import { score } from '../../server/scoring/score.js';
import { train } from '../../server/scoring/train.js';
import { addTestUsers, testPassword, userPrefix, type TestUser } from '../api-users.js';
import { deleteCasesOn } from '../case-cleanup.js';
import { openTestDatabase } from '../database.js';
import { deletePrefixedDataset, prefixDataset } from '../prefixed-dataset.js';
import { launchBrowser } from './browser.js';
import { buildWeb } from './web-build.js';

export const P = 'web-';
export const AS_OF = '2025-12-31';

export interface Explorer {
  db: Database;
  baseURL: string;
  users: Record<Role, TestUser>;
  password: string;
  browser: Browser;
  close: () => Promise<void>;
}

async function cleanup(db: Database): Promise<void> {
  // Cases the flows opened on the data set, with their history, messages and labels.
  await deleteCasesOn(db, P);
  await deletePrefixedDataset(db, P);
}

/** Times each setup step (printed once: the fixture is most of the browser tests' time). */
function stopwatch() {
  const steps: string[] = [];
  let last = performance.now();
  return {
    lap(name: string) {
      const now = performance.now();
      steps.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
      last = now;
    },
    print: () => console.log(`e2e fixture: ${steps.join(', ')}`),
  };
}

export async function startExplorer(): Promise<Explorer> {
  const time = stopwatch();
  const webDir = buildWeb();
  const db = await openTestDatabase();
  await migrate(db);
  await cleanup(db);
  time.lap('clean');
  const dir = await mkdtemp(path.join(tmpdir(), 'ringwatch-e2e-'));
  const data = path.join(dir, `${P}data`);
  await generateDataset({ persons: 1000, seed: 5, out: path.join(dir, 'gen'), fraudScale: 10 });
  await prefixDataset(path.join(dir, 'gen'), data, P);
  time.lap('generate');
  await loadDataset(data, db, { rejectsPath: path.join(dir, 'rejects.csv') });
  time.lap('load');
  await runAnalysis(db, { asOf: AS_OF, scope: P, run: `${P}run` });
  time.lap('analyze');
  const shipped = await scoringSetup({});
  // A small data set: an area learns from 5 confirmed and 5 unfounded labels (the persons have
  // that many), so the explorer shows a model version with its live hit rates.
  const setup = {
    ...shipped,
    config: {
      ...shipped.config,
      areas: Object.fromEntries(
        Object.entries(shipped.config.areas).map(([area, c]) => [area, { ...c, minLabels: 5 }]),
      ) as typeof shipped.config.areas,
    },
  };
  // Trained and scored with this data set's own models, never activating them: other test
  // files share the database and its active versions.
  const outcomes = await train(db, { ...setup, asOf: AS_OF, scope: P, activate: false });
  const models = new Map<string, TrainedModel>();
  for (const o of outcomes) if (o.trained) models.set(`${o.area}/${o.offence}`, o.model);
  time.lap('train');
  await score(db, {
    config: setup.config,
    rules: setup.rules.rules,
    asOf: AS_OF,
    scope: P,
    models,
    run: `${P}score`,
  });
  time.lap('score');
  const users = await addTestUsers(db, userPrefix('web'));
  const app = createApp({
    db,
    logger: pino({ level: 'silent' }),
    version: 'e2e',
    webDir: await webDir,
    // No control group drawn at random: it could open cases beyond this data set.
    cases: { controlShare: 0 },
  });
  const server: Listening = await listen(app, 0, '127.0.0.1');
  time.lap('build and serve');
  const browser = await launchBrowser();
  time.lap('browser');
  time.print();
  return {
    db,
    baseURL: server.url,
    users,
    password: testPassword,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      await cleanup(db);
      await db.driver.executeQuery('MATCH (m:Model) WHERE m.version IN $versions DELETE m', {
        versions: [...models.values()].map((m) => m.version),
      });
      await db.close();
    },
  };
}

/** Signs in through the sign-in page and waits for the rankings. */
export async function signInAs(page: Page, explorer: Explorer, role: Role): Promise<void> {
  await page.goto('/');
  await page.getByLabel('User name').fill(explorer.users[role].username);
  await page.getByLabel('Password').fill(explorer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user').waitFor();
}
