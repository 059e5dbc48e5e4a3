// Cases for the browser flows, made through the API with the signed-in page's own session
// (page.request shares the browser context's cookies): open one on a ranked entity of the data
// set that has no open case yet, and move it along.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export interface OpenedCase {
  id: string;
  version: number;
  subject: { type: string; id: string };
}

interface RankingItem {
  id: string;
  model: string | null;
}

/** Ranked entities of the data set (ids `web-…`), highest score first. */
export async function ranked(
  page: Page,
  type: 'employer' | 'person' = 'employer',
): Promise<RankingItem[]> {
  const response = await page.request.get(`/api/rankings?type=${type}&limit=200`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: RankingItem[] };
  return items.filter((i) => i.id.startsWith('web-'));
}

/** Opens a case on the first candidate without an open case (409 names those that have one). */
export async function openCaseOnOneOf(
  page: Page,
  ids: readonly string[],
  type: 'employer' | 'person' = 'employer',
  title?: string,
): Promise<OpenedCase> {
  for (const id of ids) {
    const response = await page.request.post('/api/cases', {
      data: { entities: [{ type, id }], ...(title ? { title } : {}) },
    });
    if (response.status() === 409) continue;
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { case: OpenedCase }).case;
  }
  throw new Error(`no ${type} among ${ids.length} candidates without an open case`);
}

/** POSTs a change and returns the case as it is after it. */
export async function change(
  page: Page,
  path: string,
  body: object,
): Promise<OpenedCase & { status: string; assignee: string | null }> {
  const response = await page.request.post(`/api/cases/${path}`, { data: body });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as OpenedCase & { status: string; assignee: string | null };
}

/** What the browser complained about, but the 401 of the session check before signing in (and
 * any status the flow provokes on purpose). */
export function unexpected(problems: readonly string[], ...provoked: number[]): string[] {
  return problems.filter(
    (p) => ![401, ...provoked].some((status) => p.includes(`status of ${status}`)),
  );
}
