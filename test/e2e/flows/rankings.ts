// The rankings page: filter by band (from the band summary) and by entity type, each change in
// the address (and the back button undoing it); search by id; page forward and back; the empty
// state in words; open an entity from the table. Only the fixture's entities (ids `web-…`) are
// looked at: other test files may have scored entities of their own in the same database.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, screenshot } from '../browser.js';
import { P, signInAs, type Explorer } from '../explorer-fixture.js';

/** The test machine may be busy: a poll waits this long before it fails. */
const patience = { timeout: 20_000 };

const rows = (page: Page) => page.getByTestId('ranking-row');
const query = (page: Page) => new URL(page.url()).searchParams;

/** The ids of the table's rows, read from their entity links. */
async function rowIds(page: Page): Promise<string[]> {
  const hrefs = await rows(page)
    .locator('td:nth-child(2) a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => decodeURIComponent(h.split('/').at(-1) ?? ''));
}

/** Waits until the table shows the rows for the address as it is now (not the last one's). */
async function settled(page: Page): Promise<void> {
  const search = new URL(page.url()).search.slice(1);
  await page.locator(`#rankings-table:not(.stale)[data-query="${search}"]`).waitFor();
  await rows(page).first().waitFor();
}

export function rankingsFlow(explorer: () => Explorer): void {
  it('filters the rankings by band and type in the address, searches by id, pages and opens an entity', async () => {
    const x = explorer();
    const { page, context, problems } = await newPage(x.browser, x.baseURL);
    await signInAs(page, x, 'investigator');
    await settled(page);
    expect(await page.getByRole('heading', { name: 'Rankings' }).isVisible()).toBe(true);
    // The option lists come from the API's OpenAPI document: staff is not offered here.
    const typeSelect = page.getByLabel('Entity type');
    await expect
      .poll(() => typeSelect.locator('option').allTextContents(), patience)
      .toEqual(['Employers', 'Persons']);
    expect(await page.getByLabel('Offence').locator('option').count()).toBeGreaterThan(5);
    await screenshot(page, 'rankings');

    // Only the fixture's entities: the search box writes q to the address as one types.
    await page.getByLabel('Search id or name').fill(P);
    await expect.poll(() => query(page).get('q'), patience).toBe(P);
    await settled(page);
    expect((await rowIds(page)).every((id) => id.startsWith(P))).toBe(true);

    // Band from the summary: the address says red, every row is red, as many as the count says.
    const redCount = Number(
      (await page.getByTestId('count-red').locator('.count').textContent())?.replace(/,/g, ''),
    );
    expect(redCount).toBeGreaterThan(0);
    await page.getByTestId('count-red').click();
    await expect.poll(() => query(page).get('band'), patience).toBe('red');
    await settled(page);
    expect(await page.getByTestId('count-red').getAttribute('aria-pressed')).toBe('true');
    const bandsShown = await rows(page).locator('.band').allTextContents();
    expect(bandsShown.length).toBe(Math.min(redCount, 50));
    expect(bandsShown.every((b) => b.includes('red'))).toBe(true);

    // Entity type: persons, with the band kept; the table and the address follow.
    const employers = await rowIds(page);
    await typeSelect.selectOption('person');
    await expect.poll(() => query(page).get('type'), patience).toBe('person');
    expect(query(page).get('band')).toBe('red');
    await settled(page);
    await expect.poll(() => rowIds(page), patience).not.toEqual(employers);
    const personHrefs = await rows(page)
      .locator('td:nth-child(2) a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(personHrefs.every((h) => h.startsWith(`/entities/person/${P}`))).toBe(true);
    await screenshot(page, 'rankings-filtered');

    // The back button undoes the type; forward redoes it.
    await page.goBack();
    await expect.poll(() => query(page).get('type'), patience).toBeNull();
    await expect.poll(() => typeSelect.inputValue(), patience).toBe('employer');
    await page.goForward();
    await expect.poll(() => typeSelect.inputValue(), patience).toBe('person');

    // Every band of persons: more than a page, so page forward and back again.
    await page.getByTestId('count-red').click(); // the only band: a second click shows all
    await expect.poll(() => query(page).get('band'), patience).toBeNull();
    await settled(page);
    const first = await rowIds(page);
    expect(first.length).toBe(50);
    expect(await page.getByTestId('page-range').textContent()).toMatch(/^1–50 of /);
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => query(page).get('cursor'), patience).toBeTruthy();
    await settled(page);
    await expect
      .poll(() => page.getByTestId('page-range').textContent(), patience)
      .toMatch(/^51–100 of /);
    const second = await rowIds(page);
    expect(second.some((id) => first.includes(id))).toBe(false);
    expect(await rows(page).first().locator('td').first().textContent()).toBe('51');
    await page.getByRole('button', { name: '← Previous' }).click();
    await expect.poll(() => query(page).get('cursor'), patience).toBeNull();
    await expect.poll(() => rowIds(page), patience).toEqual(first);

    // Search by id (a prefix: P12 also finds P120…): a person of the second page.
    const wanted = second[7]!;
    await page.getByLabel('Search id or name').fill(wanted);
    await expect.poll(() => query(page).get('q'), patience).toBe(wanted);
    await expect.poll(() => rowIds(page), patience).toContain(wanted);
    expect((await rowIds(page)).every((id) => id.startsWith(wanted))).toBe(true);

    // Nothing matches: said in words, with a way out.
    await page.getByLabel('Search id or name').fill(`${P}no-such-entity`);
    await page.getByText('No entity matches these filters.').waitFor();
    await page.getByLabel('Search id or name').fill(wanted);
    await expect.poll(() => query(page).get('q'), patience).toBe(wanted);
    await settled(page);

    // Open the entity from the table.
    await rows(page).locator(`a[href="/entities/person/${wanted}"]`).click();
    await expect
      .poll(() => new URL(page.url()).pathname, patience)
      .toBe(`/entities/person/${wanted}`);
    await page.getByRole('heading', { level: 1, name: wanted }).waitFor();
    await page.goBack();
    await expect.poll(() => query(page).get('q'), patience).toBe(wanted);
    await settled(page);

    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await context.close();
  });

  it('offers staff rankings to the internal-fraud unit, from a bookmarked address', async () => {
    const x = explorer();
    const { page, context, problems } = await newPage(x.browser, x.baseURL);
    await signInAs(page, x, 'internal_fraud');
    await page.goto(`/?type=staff&q=${P}`);
    await settled(page);
    await expect.poll(() => page.getByLabel('Entity type').inputValue(), patience).toBe('staff');
    expect((await rowIds(page)).every((id) => id.startsWith(`${P}S`))).toBe(true);
    expect(await page.getByLabel('Sector (NACE)').isDisabled()).toBe(true);
    await screenshot(page, 'rankings-staff');
    await context.close();

    // An investigator with the same address is told in words.
    const other = await newPage(x.browser, x.baseURL);
    await signInAs(other.page, x, 'investigator');
    await other.page.goto(`/?type=staff&q=${P}`);
    await expect
      .poll(() => other.page.getByRole('alert').textContent(), patience)
      .toContain('internal-fraud unit');
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await other.context.close();
  });
}
