// The internal-fraud page in the browser: the unit sees officials ranked by risk, chooses one
// and reads the claims linked to them with every linking path written out, beside the slot the
// network canvas draws in; an investigator has no link to the page and is told it is not for
// their role.
import { expect, it } from 'vitest';
import { newPage, screenshot } from '../browser.js';
import { signInAs, type Explorer } from '../explorer-fixture.js';
import { unexpected } from './case-helpers.js';

interface LinkedClaims {
  official: { id: string };
  summary: { claimsLinked: number };
  claims: { id: string }[];
  graph: { nodes: unknown[] };
}

export function internalFlow(explorer: () => Explorer): void {
  it('the internal-fraud unit sees officials by risk and the claims linked to one', async () => {
    const x = explorer();
    const { page, context, problems } = await newPage(x.browser, x.baseURL);
    await signInAs(page, x, 'internal_fraud');
    await page.getByRole('link', { name: 'Internal fraud' }).click();
    const ranking = page.getByTestId('staff-ranking');
    await ranking.waitFor();
    const rows = ranking.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);

    // The data set plants officials who process their relatives' claims: find one through the API.
    const staff = (await (await page.request.get('/api/internal/staff?limit=25')).json()) as {
      items: { id: string; label: string }[];
    };
    let linked: LinkedClaims | undefined;
    let label = '';
    for (const s of staff.items.filter((i) => i.id.startsWith('web-'))) {
      const view = (await (
        await page.request.get(`/api/internal/staff/${s.id}/linked-claims`)
      ).json()) as LinkedClaims;
      if (view.claims.length > 0) {
        linked = view;
        label = s.label;
        break;
      }
    }
    expect(linked, 'an official of the data set with linked claims').toBeDefined();
    const official = linked!.official.id;

    await ranking.getByRole('button', { name: label, exact: true }).click();
    await page.waitForURL(new RegExp(`staff=${official}`));
    const section = page.getByTestId('official');
    await section.getByRole('heading', { name: new RegExp(`Official ${official}`) }).waitFor();
    expect(await page.getByTestId('linked-summary').textContent()).toContain(
      `${linked!.summary.claimsLinked} of them`,
    );
    const claims = page.getByTestId('linked-claims').locator('tbody tr');
    expect(await claims.count()).toBe(linked!.claims.length);
    const first = (await claims.first().textContent()) ?? '';
    expect(first).toContain(linked!.claims[0]!.id);
    expect(first).toContain(`official ${official} (person `);
    expect(first).toMatch(/claim /);
    // The linking paths drawn as a network: every node the API returned, the path edges highlighted.
    const slot = page.getByTestId('linked-claims-graph');
    expect(Number(await slot.getAttribute('data-nodes'))).toBe(linked!.graph.nodes.length);
    expect(Number(await slot.getAttribute('data-highlighted'))).toBeGreaterThan(0);
    await slot.locator('canvas').first().waitFor();
    await screenshot(page, 'internal');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('an investigator has no internal-fraud link and is told the page is not theirs', async () => {
    const x = explorer();
    const { page, context, problems } = await newPage(x.browser, x.baseURL);
    await signInAs(page, x, 'investigator');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Cases' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Internal fraud' }).count()).toBe(0);
    await page.goto('/internal');
    await page.getByRole('heading', { name: 'Not available to your role' }).waitFor();
    expect(await page.getByTestId('staff-ranking').count()).toBe(0);
    const refused = await page.request.get('/api/internal/staff?limit=1');
    expect(refused.status()).toBe(403);
    await screenshot(page, 'internal-not-available');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
}
