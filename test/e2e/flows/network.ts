// The network explorer: open an entity's neighbourhood (nodes drawn), expand a node by
// double-click, find the shortest paths between two nodes (highlighted), move the time slider
// (relations hidden), send a selection to the case queue (a link to the case). State is read
// from the canvas's data attributes and a test hook (window.__ringwatchNetwork, installed when
// the page sets window.__ringwatchTest), never from pixels.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { newPage, screenshot } from '../browser.js';
import { signInAs, type Explorer } from '../explorer-fixture.js';

export interface Hook {
  pagePosition(key: string): { x: number; y: number } | null;
  display(): {
    highlightNodes: Set<string>;
    highlightEdges: Set<string>;
    selected: Set<string>;
    hidden: Set<string>;
  };
  sigma: {
    getGraph(): {
      nodes(): string[];
      edges(k: string): string[];
      neighbors(k: string): string[];
      getNodeAttribute(k: string, a: string): unknown;
    };
    getNodeDisplayData(k: string): { hidden?: boolean } | undefined;
    getCamera(): { x: number; y: number; ratio: number; isAnimated(): boolean };
    getCanvases(): Record<string, HTMLCanvasElement>;
    moveStats(): { moved: number; drawn: number; fastMoves: boolean; frameMs: number | null };
    setMoveMode(mode: 'auto' | 'always' | 'never'): void;
  };
}
export type HookWindow = { __ringwatchNetwork: Hook; __ringwatchTest?: boolean };

export const canvas = (page: Page) => page.getByTestId('network-canvas');
export const count = async (page: Page, name: string) =>
  Number(await canvas(page).getAttribute(`data-${name}`));

export async function settled(page: Page): Promise<void> {
  await expect
    .poll(() => canvas(page).getAttribute('data-layout'), { timeout: 15_000 })
    .toBe('stopped');
}

export async function positionOf(page: Page, key: string) {
  const at = await page.evaluate(
    (k) => (window as unknown as HookWindow).__ringwatchNetwork.pagePosition(k),
    key,
  );
  if (!at) throw new Error(`${key} is not drawn`);
  return at;
}

/**
 * Clicks a node where sigma drew it (shift adds to the selection). Waits first: sigma takes two
 * clicks within 300 ms for a double-click (which expands).
 */
export async function clickNode(page: Page, key: string, shift = false): Promise<void> {
  await page.waitForTimeout(400);
  const at = await positionOf(page, key);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(at.x, at.y);
  if (shift) await page.keyboard.up('Shift');
}

/** The persons linked to a node in the drawn graph. */
export const personsNextTo = (page: Page, key: string) =>
  page.evaluate(
    (k) =>
      (window as unknown as HookWindow).__ringwatchNetwork.sigma
        .getGraph()
        .neighbors(k)
        .filter((n) => n.startsWith('Person:')),
    key,
  );

/** An investigator's page with the test hook, on the network of the riskiest employer. */
export async function openRiskiestEmployer(x: Explorer) {
  const { page, context, problems } = await newPage(x.browser, x.baseURL);
  await page.addInitScript(() => {
    (window as unknown as HookWindow).__ringwatchTest = true;
  });
  await signInAs(page, x, 'investigator');
  const ranked = await page.request.get('/api/rankings?type=employer');
  expect(ranked.status()).toBe(200);
  const { items } = (await ranked.json()) as { items: { id: string }[] };
  const employerId = items[0]!.id;
  const start = `Employer:${employerId}`;
  await page.goto(`/network?nodes=${start}`);
  await expect.poll(() => count(page, 'order'), { timeout: 30_000 }).toBeGreaterThan(1);
  return { page, context, problems, start, employerId };
}

/** What the browser complained about, less the expected (a 401 before sign-in, no GPU). */
export const unexpected = (problems: string[]) =>
  problems.filter((p) => !p.includes('401') && !p.includes('GL Driver'));

export function networkFlow(explorer: () => Explorer): void {
  it('opens a network, expands a node, finds a path, filters by date and opens a case', async () => {
    const { page, context, problems, start, employerId } = await openRiskiestEmployer(explorer());
    expect(await count(page, 'size')).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('network-message').textContent())
      .toMatch(/^Opened \d+ nodes/);
    await settled(page);
    await page.mouse.move(1, 1);
    await screenshot(page, 'network-open');

    // Double-click a person next to the employer: its neighbourhood merges into the view.
    const before = await count(page, 'order');
    const neighbours = await personsNextTo(page, start);
    expect(neighbours.length).toBeGreaterThan(0);
    const person = neighbours[0]!;
    const at = await positionOf(page, person);
    await page.mouse.dblclick(at.x, at.y);
    await expect
      .poll(() => page.getByTestId('network-message').textContent(), { timeout: 20_000 })
      .toMatch(/^Expanded/);
    await expect.poll(() => count(page, 'order')).toBeGreaterThan(before);
    await settled(page);
    await page.mouse.move(1, 1);
    await screenshot(page, 'network-expanded');

    // A node the expansion brought that is not linked to the employer: the path goes through
    // the person.
    const far = await page.evaluate(
      ([s, p]) => {
        const graph = (window as unknown as HookWindow).__ringwatchNetwork.sigma.getGraph();
        const near = new Set(graph.neighbors(s!));
        return graph.neighbors(p!).find((n) => n !== s && !near.has(n)) ?? null;
      },
      [start, person],
    );
    expect(far).not.toBeNull();
    await clickNode(page, start);
    await clickNode(page, far!, true);
    await expect.poll(() => count(page, 'selected')).toBe(2);
    await page.getByRole('button', { name: 'Find paths between the two selected' }).click();
    await expect
      .poll(() => page.getByTestId('path-result').textContent(), { timeout: 20_000 })
      .toMatch(/shortest paths? of 2 relations highlighted/);
    // The canvas receives the page's display after the render that wrote the result.
    const highlightedNow = () =>
      page.evaluate(() => {
        const display = (window as unknown as HookWindow).__ringwatchNetwork.display();
        return { nodes: [...display.highlightNodes], edges: display.highlightEdges.size };
      });
    await expect.poll(async () => (await highlightedNow()).nodes.length).toBeGreaterThan(0);
    const highlighted = await highlightedNow();
    expect(highlighted.nodes).toEqual(expect.arrayContaining([start, far]));
    // Every node in between lies on a 2-relation path: a neighbour of both ends (the person
    // expanded is one such node; the API may return others of the same length instead).
    const between = highlighted.nodes.filter((n) => n !== start && n !== far);
    expect(between.length).toBeGreaterThan(0);
    const linked = await page.evaluate(
      ([s, f, middle]) => {
        const graph = (window as unknown as HookWindow).__ringwatchNetwork.sigma.getGraph();
        return middle.every(
          (m) => graph.neighbors(m).includes(s) && graph.neighbors(m).includes(f as string),
        );
      },
      [start, far, between] as const,
    );
    expect(linked).toBe(true);
    expect(highlighted.edges).toBeGreaterThanOrEqual(2);
    expect(await count(page, 'highlighted-edges')).toBe(highlighted.edges);
    await page.mouse.move(1, 1);
    await screenshot(page, 'network-path');
    await page.getByRole('button', { name: 'Clear the path' }).click();
    await expect.poll(() => count(page, 'highlighted-edges')).toBe(0);

    // The time slider at the earliest date keeps only the relations active then.
    const all = await count(page, 'visible-edges');
    expect(all).toBe(await count(page, 'size'));
    await page.getByLabel('Only relations active on').check();
    const slider = page.getByRole('slider', { name: 'Date' });
    await slider.fill(String(await slider.getAttribute('min')));
    await expect.poll(() => page.getByTestId('as-of').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect.poll(() => count(page, 'visible-edges')).toBeLessThan(all);
    expect(page.url()).toContain('asOf=');
    await screenshot(page, 'network-time');
    await page.getByLabel('Only relations active on').uncheck();
    await expect.poll(() => count(page, 'visible-edges')).toBe(all);

    // The employer to the case queue, with a note.
    await clickNode(page, start);
    await expect.poll(() => count(page, 'selected')).toBe(1);
    await expect(page.getByTestId('selected-node').textContent()).resolves.toContain(employerId);
    await page.getByLabel('Note for the case').fill('Seen in the network explorer (e2e).');
    await page.getByRole('button', { name: 'Send to case queue' }).click();
    const created = page.getByTestId('created-case').getByRole('link');
    await created.waitFor({ timeout: 20_000 });
    expect(await created.getAttribute('href')).toMatch(/^\/cases\/[A-Za-z0-9_.-]+$/);
    await screenshot(page, 'network-case');

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('moves the camera by keyboard, redraws in full at rest, and clicks the node under the pointer', async () => {
    const { page, context, problems, start, employerId } = await openRiskiestEmployer(explorer());
    await settled(page);

    const state = () =>
      page.evaluate(() => {
        const sigma = (window as unknown as HookWindow).__ringwatchNetwork.sigma;
        const camera = sigma.getCamera();
        return {
          camera: { x: camera.x, y: camera.y, ratio: camera.ratio },
          stats: sigma.moveStats(),
          transform: sigma.getCanvases().nodes!.style.transform,
        };
      });
    // Moved frames whatever this machine's full frames cost (on a GPU they would be drawn in
    // full); a full frame follows once the camera rests.
    // The page fits the view as it opens (an animation that would undo the moves below).
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as HookWindow).__ringwatchNetwork.sigma.getCamera().isAnimated(),
        ),
      )
      .toBe(false);
    const drawnBefore = (await state()).stats.drawn;
    await page.evaluate(() =>
      (window as unknown as HookWindow).__ringwatchNetwork.sigma.setMoveMode('always'),
    );
    await expect.poll(async () => (await state()).stats.drawn).toBeGreaterThan(drawnBefore);
    const before = await state();
    await canvas(page).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    const moved = await state();
    expect(moved.camera.x).toBeGreaterThan(before.camera.x);
    await expect.poll(async () => (await state()).stats.moved).toBeGreaterThan(before.stats.moved);
    await expect.poll(async () => (await state()).transform, { timeout: 10_000 }).toBe('');
    await expect.poll(async () => (await state()).stats.drawn).toBeGreaterThan(before.stats.drawn);

    // Right after a move (the frame on screen a moved one), a click still selects the node
    // under the pointer.
    await page.keyboard.press('ArrowLeft');
    const at = await positionOf(page, start);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => count(page, 'selected')).toBe(1);
    await expect(page.getByTestId('selected-node').textContent()).resolves.toContain(employerId);

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
}
