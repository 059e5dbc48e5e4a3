// Debian's Chromium driven by playwright-core (no browser download: `.ci/run` installs the
// `chromium` package). RINGWATCH_CHROMIUM points elsewhere when needed.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumExecutable } from '../../server/config.js';
import { projectRoot } from '../../server/paths.js';

export const chromiumPath = chromiumExecutable();

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** Where the e2e tests save their screenshots (a CI artifact; look at them). */
export const screenshotDir = path.join(projectRoot, 'test-artifacts', 'screens');

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * A page that records what the browser complained about (uncaught errors, console errors), so
 * a test can assert the app ran clean.
 */
export async function newPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}
