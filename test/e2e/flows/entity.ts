// The entity page: score and band as the rankings gave them, reasons with their numbers, the
// timeline in date order, no protected attribute anywhere; a case created from the page links
// to it (and a second one is refused in words); officials' pages and unknown ids in words.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, screenshot } from '../browser.js';
import { P, signInAs, type Explorer } from '../explorer-fixture.js';

/** The test machine may be busy: a poll waits this long before it fails. */
const patience = { timeout: 20_000 };

interface Ranked {
  id: string;
  score: number;
  band: string;
}

/**
 * A scored orange person of the fixture with no case yet (other flows may open cases on the
 * same data), read through the API with the page's own session.
 */
async function personWithoutCase(page: Page): Promise<Ranked> {
  const answer = await page.request.get(`/api/rankings?type=person&band=orange&q=${P}&limit=50`);
  expect(answer.status()).toBe(200);
  const { items } = (await answer.json()) as { items: Ranked[] };
  for (const item of items) {
    const detail = await page.request.get(`/api/entities/person/${item.id}`);
    const { cases } = (await detail.json()) as { cases: unknown[] };
    if (cases.length === 0) return item;
  }
  throw new Error('no orange person without a case in the fixture');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
/** The first date of a timeline row ("3 Feb 2021 – …", "since 3 Feb 2021") as YYYY-MM-DD. */
function isoOf(when: string): string | null {
  const m = /(\d{1,2}) (\w{3}) (\d{4})/.exec(when);
  if (!m) return null;
  const month = String(months.indexOf(m[2]!) + 1).padStart(2, '0');
  const iso = `${m[3]}-${month}-${m[1]!.padStart(2, '0')}`;
  return DATE.test(iso) ? iso : null;
}

export function entityFlow(explorer: () => Explorer): void {
  it('shows score, band, reasons and timeline, and opens a case from the entity page', async () => {
    const x = explorer();
    const { page, context, problems } = await newPage(x.browser, x.baseURL);
    await signInAs(page, x, 'investigator');
    const person = await personWithoutCase(page);

    await page.goto(`/?type=person&band=orange&q=${person.id}`);
    await page.locator(`a[href="/entities/person/${person.id}"]`).click();
    await page.getByRole('heading', { level: 1, name: person.id }).waitFor();

    // Score and band as ranked.
    const score = page.getByTestId('score');
    expect(await score.locator('.score-number').textContent()).toBe(person.score.toFixed(3));
    expect(await score.locator('.band').textContent()).toContain('orange');

    // Reasons in words with the numbers: contributions with a value and a signed contribution.
    const reasons = page.getByTestId('reasons');
    expect(await reasons.locator('.lead').textContent()).not.toBe('');
    const contributions = reasons.getByTestId('contribution');
    expect(await contributions.count()).toBeGreaterThan(0);
    expect(await contributions.first().locator('td').nth(2).textContent()).toMatch(
      /^[+−]\d+\.\d\d$/,
    );
    expect(await reasons.locator('tr.total').textContent()).toMatch(/\d\.\d{3}[+−]\d+\.\d\d/);

    // The timeline, in date order (oldest first, undated last), and newest first on request.
    const timeline = page.getByTestId('timeline');
    const events = timeline.getByTestId('timeline-event');
    expect(await events.count()).toBeGreaterThan(0);
    const dates = (await events.locator('.when').allTextContents()).map(isoOf);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated.length).toBeGreaterThan(0);
    expect(dated).toEqual([...dated].sort());
    await timeline.getByLabel('Order').selectOption('newest');
    const newest = (await events.locator('.when').allTextContents()).map(isoOf);
    expect(newest.filter((d) => d !== null)).toEqual([...dated].sort().reverse());

    // Features with their descriptions; no protected attribute anywhere on the page.
    expect(await page.getByTestId('features').locator('tbody tr').count()).toBeGreaterThan(5);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const word of ['Sex', 'Nationality', 'Birth year', 'birth_year'])
      expect(text).not.toContain(word);
    const facts = await page.getByTestId('properties').locator('dt').allTextContents();
    expect(facts).toContain('Region');

    // Open network links to the network page for this node.
    expect(await page.getByRole('link', { name: 'Open network' }).getAttribute('href')).toBe(
      `/network?nodes=Person%3A${person.id}`,
    );
    await screenshot(page, 'entity');

    // Create a case with a note; the answer links to the new case.
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByLabel('Note for the case').fill('Opened by the entity-page browser test.');
    await page.getByRole('button', { name: 'Open the case' }).click();
    const created = page.getByTestId('case-created');
    await created.waitFor();
    const link = created.getByRole('link');
    const caseId = (await link.textContent()) ?? '';
    expect(caseId).toMatch(/^K\d+$/);
    expect(await link.getAttribute('href')).toBe(`/cases/${caseId}`);
    await screenshot(page, 'entity-case-created');

    // The case is listed on the page; a second one is refused in words naming it.
    await page.reload();
    const cases = page.getByTestId('cases');
    await expect.poll(() => cases.textContent(), patience).toContain(caseId);
    expect(await cases.getByRole('link', { name: caseId }).getAttribute('href')).toBe(
      `/cases/${caseId}`,
    );
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('button', { name: 'Open the case' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), patience)
      .toContain('already has an open case');
    await page.locator('.create-case').getByRole('link', { name: caseId }).waitFor();

    // Following the link opens the case's page.
    await cases.getByRole('link', { name: caseId }).click();
    await expect.poll(() => new URL(page.url()).pathname, patience).toBe(`/cases/${caseId}`);
    expect(problems.filter((p) => !p.includes('401') && !p.includes('409'))).toEqual([]);
    await context.close();
  });

  it('brings older events of a long history a page at a time', async () => {
    const x = explorer();
    // The employer with the most jobs in the data set (hundreds: more than one page).
    const { records } = await x.db.driver.executeQuery(
      `MATCH (e:Employer) WHERE e.id STARTS WITH $p
       RETURN e.id AS id, COUNT { (e)<-[:EMPLOYED_BY]-() } AS jobs ORDER BY jobs DESC LIMIT 1`,
      { p: P },
    );
    const id = String(records[0]?.get('id'));
    const jobs = Number(records[0]?.get('jobs'));
    expect(jobs).toBeGreaterThan(100);
    const { page, context, problems } = await newPage(x.browser, x.baseURL);
    await signInAs(page, x, 'investigator');
    await page.goto(`/entities/employer/${id}`);
    const cuts = page.getByTestId('timeline-cuts');
    const total = jobs.toLocaleString('en-GB');
    await expect
      .poll(() => cuts.textContent(), patience)
      .toContain(`Showing the 50 most recent of ${total} jobs.`);
    const jobsShown = () =>
      page
        .getByTestId('timeline')
        .getByTestId('timeline-event')
        .filter({ hasText: 'job of' })
        .count();
    expect(await jobsShown()).toBe(50);

    await cuts.getByRole('button', { name: 'Show 50 older jobs' }).click();
    await expect
      .poll(() => cuts.textContent(), patience)
      .toContain(`Showing the 100 most recent of ${total} jobs.`);
    expect(await jobsShown()).toBe(100);
    // Oldest first still: the older page sits before the first one.
    const dates = (await page.getByTestId('timeline').locator('.when').allTextContents()).map(
      isoOf,
    );
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    await screenshot(page, 'entity-older-events');
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await context.close();
  });

  it('says in words when an entity is unknown or an official is not for this role', async () => {
    const x = explorer();
    const { page, context } = await newPage(x.browser, x.baseURL);
    await signInAs(page, x, 'analyst');
    await page.goto(`/entities/person/${P}no-such-person`);
    await expect
      .poll(() => page.getByRole('alert').textContent(), patience)
      .toContain('Not found.');
    await page.goto(`/entities/staff/${P}S0`);
    await expect
      .poll(() => page.getByRole('alert').textContent(), patience)
      .toContain('Not available to your role.');
    // Analysts read; they do not open cases.
    const person = await personWithoutCase(page);
    await page.goto(`/entities/person/${person.id}`);
    await page.getByTestId('score').waitFor();
    expect(await page.getByRole('button', { name: 'Create case' }).count()).toBe(0);
    await context.close();

    const unit = await newPage(x.browser, x.baseURL);
    await signInAs(unit.page, x, 'internal_fraud');
    await unit.page.goto(`/entities/staff/${P}S0`);
    await unit.page.getByRole('heading', { level: 1 }).waitFor();
    await unit.page.getByTestId('score').waitFor();
    await expect
      .poll(() => unit.page.getByTestId('properties').textContent(), patience)
      .toContain('Claims processed');
    await screenshot(unit.page, 'entity-staff');
    expect(unit.problems.filter((p) => !p.includes('401'))).toEqual([]);
    await unit.context.close();
  });
}
