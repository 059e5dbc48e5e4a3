// The case queue in the browser: an investigator takes a new case, starts it, comments on it
// and closes it with an outcome from the queue, and reads its history; a change someone else
// made first is said in words with a reload, never overwritten; a supervisor assigns two cases
// at once and sees the export links.
import { expect, it } from 'vitest';
import { newPage, screenshot } from '../browser.js';
import { signInAs, type Explorer } from '../explorer-fixture.js';
import { change, openCaseOnOneOf, ranked, unexpected } from './case-helpers.js';

export function casesFlow(explorer: () => Explorer): void {
  it('an investigator takes, starts and closes a case from the queue', async () => {
    const x = explorer();
    const { page, context, problems } = await newPage(x.browser, x.baseURL);
    const me = x.users.investigator.username;
    await signInAs(page, x, 'investigator');
    const opened = await openCaseOnOneOf(
      page,
      (await ranked(page)).map((i) => i.id),
      'employer',
      'Browser flow: director of bankrupt employers',
    );

    // My cases by default: this one is nobody's yet.
    await page.goto('/cases');
    await page.getByText('Your cases.').waitFor();
    expect(await page.locator(`tr[data-case="${opened.id}"]`).count()).toBe(0);

    // New cases waiting to be taken: the filter is in the address.
    await page.getByRole('link', { name: 'New cases waiting to be taken' }).click();
    await page.waitForURL(/status=new&assignee=any/);
    await page.getByRole('button', { name: `Take case ${opened.id}` }).click();
    await page.getByText(`Case ${opened.id} is now assigned.`).waitFor();

    // Back to my cases: assigned to me; start it.
    await page.goto('/cases');
    const row = page.locator(`tr[data-case="${opened.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Assigned');
    await page.getByRole('button', { name: `Start case ${opened.id}` }).click();
    await page.getByText(`Case ${opened.id} is now in progress.`).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Cases by status' });
    await expect
      .poll(() => tabs.getByRole('button', { name: /In progress/ }).textContent())
      .toMatch(/In progress\s*[1-9]/);

    // A comment on the case page.
    await row.getByRole('link', { name: opened.id }).click();
    await page.getByRole('heading', { name: new RegExp(`Case ${opened.id}`) }).waitFor();
    await page.getByLabel('Comment', { exact: true }).fill('Visited the seat: an empty office.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await page.getByTestId('timeline').getByText('Visited the seat: an empty office.').waitFor();

    // Close it from the queue with the outcome.
    await page.goto('/cases');
    await page.getByRole('button', { name: `Close case ${opened.id}` }).click();
    const form = page.getByRole('form', { name: `Close case ${opened.id}` });
    await form.waitFor();
    await form.getByRole('button', { name: 'Close case' }).click();
    await form.getByText('Say whether the suspicion was confirmed or unfounded.').waitFor();
    await form.getByLabel('Confirmed: an offence was found').check();
    await form.getByLabel('Offence found').selectOption('phoenix');
    await form.getByLabel('Amount recovered (€)').fill('12500');
    await form.getByLabel('Note').fill('Third phoenix in the chain.');
    await screenshot(page, 'cases-close-form');
    await form.getByRole('button', { name: 'Close case' }).click();
    await page.getByText(`Case ${opened.id} is closed as confirmed.`).waitFor();
    // The queue reloads: the row says closed and offers no more moves.
    await expect.poll(() => row.textContent()).toContain('Closed');
    expect(await row.getByRole('button').count()).toBe(0);
    await screenshot(page, 'cases-queue');

    // The case page: outcome, snapshot, history with who did what.
    await page.goto(`/cases/${opened.id}`);
    const outcome = page.getByRole('region', { name: 'Outcome' });
    await outcome.waitFor();
    const outcomeText = (await outcome.textContent()) ?? '';
    expect(outcomeText).toContain('Confirmed');
    expect(outcomeText).toContain('phoenix');
    expect(outcomeText).toContain('12,500');
    const history = (await page.getByTestId('timeline').textContent()) ?? '';
    for (const step of ['opened the case', 'took it', 'started work', 'commented', 'closed it']) {
      expect(history).toContain(step);
    }
    expect(history).toContain(me);
    const network = page.getByRole('link', { name: 'Open in network' });
    expect(await network.getAttribute('href')).toBe(`/network?nodes=Employer:${opened.subject.id}`);
    await screenshot(page, 'case-closed');

    const api = (await (await page.request.get(`/api/cases/${opened.id}`)).json()) as {
      status: string;
      outcome: string;
      recoveredEur: number;
      closedBy: string;
    };
    expect(api).toMatchObject({
      status: 'closed',
      outcome: 'confirmed',
      recoveredEur: 12500,
      closedBy: me,
    });
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('says in words when someone else changed the case first, and reloads', async () => {
    const x = explorer();
    const { page, context, problems } = await newPage(x.browser, x.baseURL);
    await signInAs(page, x, 'investigator');
    const opened = await openCaseOnOneOf(page, (await ranked(page)).map((i) => i.id).reverse());
    const taken = await change(page, `${opened.id}/take`, { version: opened.version });

    await page.goto(`/cases/${opened.id}`);
    await page.getByRole('button', { name: 'Start' }).waitFor();
    // Meanwhile, elsewhere: the case is started (its version moves on).
    await change(page, `${opened.id}/transition`, { version: taken.version, to: 'in_progress' });

    await page.getByRole('button', { name: 'Start' }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    const text = (await conflict.textContent()) ?? '';
    expect(text).toContain(`Someone else changed case ${opened.id} after you loaded it`);
    expect(text).toContain('nothing was changed');
    expect(text).toContain('It is now in progress');
    await screenshot(page, 'case-conflict');

    await conflict.getByRole('button', { name: 'Reload' }).click();
    await page.getByTestId('conflict').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.facts').textContent()).toContain('In progress');
    // Still as the other change left it: nothing overwritten.
    const now = (await (await page.request.get(`/api/cases/${opened.id}`)).json()) as {
      version: number;
    };
    expect(now.version).toBe(taken.version + 1);
    expect(unexpected(problems, 409)).toEqual([]);
    await context.close();
  });

  it('a supervisor assigns several cases at once and may export the queue', async () => {
    const x = explorer();
    const { page, context, problems } = await newPage(x.browser, x.baseURL);
    await signInAs(page, x, 'supervisor');
    const people = (await ranked(page, 'person')).map((i) => i.id);
    const first = await openCaseOnOneOf(page, people, 'person');
    const second = await openCaseOnOneOf(
      page,
      people.filter((id) => id !== first.subject.id),
      'person',
    );

    await page.goto('/cases?status=new&assignee=any&sort=newest');
    for (const c of [first, second]) {
      await page.getByRole('checkbox', { name: `Select case ${c.id}` }).check();
    }
    const bulk = page.getByRole('form', { name: 'Assign selected cases' });
    expect(await bulk.textContent()).toContain('2 cases selected.');
    const investigator = x.users.investigator.username;
    await bulk.getByLabel('Assign to').fill(investigator);
    await screenshot(page, 'cases-bulk-assign');
    await bulk.getByRole('button', { name: 'Assign' }).click();
    await page.getByText(`to ${investigator}.`).waitFor();
    for (const c of [first, second]) {
      const now = (await (await page.request.get(`/api/cases/${c.id}`)).json()) as {
        status: string;
        assignee: string;
      };
      expect(now).toMatchObject({ status: 'assigned', assignee: investigator });
    }
    // Assigned: no longer among the new cases.
    await page.locator(`tr[data-case="${first.id}"]`).waitFor({ state: 'detached' });

    const csv = page.getByRole('link', { name: 'CSV' });
    const href = (await csv.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/cases\/export\?status=new&format=csv$/);
    const exported = await page.request.get(href);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-type']).toContain('text/csv');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
}
