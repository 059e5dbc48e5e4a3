// Signing in: wrong password in words, the right one opens the rankings with the user and role
// in the header; signing out returns to the sign-in page.
import { expect, it } from 'vitest';
import { newPage, screenshot } from '../browser.js';
import type { Explorer } from '../explorer-fixture.js';

export function signInFlow(explorer: () => Explorer): void {
  it('signs in, shows the user and role, and signs out', async () => {
    const x = explorer();
    const { page, context, problems } = await newPage(x.browser, x.baseURL);
    await page.goto('/');
    await page.getByLabel('User name').fill(x.users.investigator.username);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong user name');
    await screenshot(page, 'sign-in');

    await page.getByLabel('Password').fill(x.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const user = page.getByTestId('user');
    await user.waitFor();
    expect(await user.textContent()).toContain(x.users.investigator.username);
    expect(await user.textContent()).toContain('Investigator');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User name').waitFor();
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await context.close();
  });
}
