// The network explorer's tools in the browser: hide nodes and show them again, select by lasso
// (shift adds), export the view as PNG, GEXF and JSON (files read back), and open a whole
// community (sampled with a note, "select community"). State comes from the canvas's data
// attributes, the test hook and the downloaded files, never from timing.
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot, screenshotDir } from '../browser.js';
import type { Explorer } from '../explorer-fixture.js';
import {
  canvas,
  clickNode,
  count,
  openRiskiestEmployer,
  personsNextTo,
  positionOf,
  settled,
  unexpected,
  type HookWindow,
} from './network.js';

type Point = { x: number; y: number };
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Every node not hidden, where it is drawn on the page. */
async function drawnPositions(page: Page): Promise<Map<string, Point>> {
  const entries = await page.evaluate(() => {
    const h = (window as unknown as HookWindow).__ringwatchNetwork;
    const hidden = h.display().hidden;
    return h.sigma
      .getGraph()
      .nodes()
      .filter((k) => !hidden.has(k))
      .map((k) => [k, h.pagePosition(k)!] as const);
  });
  return new Map(entries);
}

/**
 * Where the nodes are drawn once nothing moves them any more: read until two reads 250 ms apart
 * agree (the camera may still be easing into its frame after the layout stopped).
 */
async function restingPositions(page: Page): Promise<Map<string, Point>> {
  let last = await drawnPositions(page);
  for (let read = 0; read < 40; read++) {
    await page.waitForTimeout(250);
    const now = await drawnPositions(page);
    const same =
      now.size === last.size &&
      [...now].every(([k, p]) => {
        const q = last.get(k);
        return q !== undefined && Math.abs(q.x - p.x) < 0.5 && Math.abs(q.y - p.y) < 0.5;
      });
    if (same) return now;
    last = now;
  }
  throw new Error('the nodes kept moving for 10 s after the layout stopped');
}

const inside = (p: Point, b: Box, margin = 0) =>
  p.x > b.left - margin &&
  p.x < b.right + margin &&
  p.y > b.top - margin &&
  p.y < b.bottom + margin;

/**
 * A rectangle around `centre` (within `bounds`) holding at least `least` nodes but not all of
 * them, with no node within 4 px of its border (so the count cannot hinge on a pixel).
 */
function rectangleAround(
  centre: Point,
  positions: Map<string, Point>,
  bounds: Box,
  least: number,
): { box: Box; keys: string[] } | null {
  for (let half = 24; half <= 240; half += 8) {
    const box = {
      left: Math.max(bounds.left, centre.x - half),
      top: Math.max(bounds.top, centre.y - half),
      right: Math.min(bounds.right, centre.x + half),
      bottom: Math.min(bounds.bottom, centre.y + half),
    };
    const points = [...positions];
    const keys = points.filter(([, p]) => inside(p, box)).map(([k]) => k);
    const onEdge = points.some(([, p]) => inside(p, box, 4) !== inside(p, box, -4));
    if (!onEdge && keys.length >= least && keys.length < positions.size) return { box, keys };
  }
  return null;
}

/** Turns the lasso on and drags the rectangle's outline (many pointer moves), shift held or not. */
async function lasso(page: Page, box: Box, shift: boolean): Promise<void> {
  await page.getByRole('button', { name: 'Lasso select' }).click();
  await expect.poll(() => page.locator('canvas.network-lasso').isVisible()).toBe(true);
  const corners = [
    { x: box.right, y: box.top },
    { x: box.right, y: box.bottom },
    { x: box.left, y: box.bottom },
    { x: box.left, y: box.top },
  ];
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.move(box.left, box.top);
  await page.mouse.down();
  for (const corner of corners) await page.mouse.move(corner.x, corner.y, { steps: 6 });
  await page.mouse.up();
  if (shift) await page.keyboard.up('Shift');
}

/** The selected node's own "Hide" button. */
const hideFromPanel = (page: Page) =>
  page.getByTestId('selected-node').getByRole('button', { name: 'Hide', exact: true }).click();

async function selectedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...(window as unknown as HookWindow).__ringwatchNetwork.display().selected,
  ]);
}

/** Clicks an export button and saves the file it offers. */
async function exported(page: Page, format: string, dir: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    page
      .getByRole('toolbar', { name: 'Network tools' })
      .getByRole('button', { name: format, exact: true })
      .click(),
  ]);
  const name = download.suggestedFilename();
  const file = path.join(dir, name);
  await download.saveAs(file);
  // The image itself beside the screenshots, to look at.
  if (format === 'PNG') {
    await mkdir(screenshotDir, { recursive: true });
    await copyFile(file, path.join(screenshotDir, 'network-export-file.png'));
  }
  return { name, bytes: await readFile(file) };
}

/** Every key of an object tree (protected attributes must not be among them). */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}
const protectedKey = /^(sex|gender|nationality|birth_?year|birth_?date)$/i;

export function networkToolsFlow(explorer: () => Explorer): void {
  it('hides a node and a selection, the counts follow, and shows the hidden again', async () => {
    const { page, context, problems, start } = await openRiskiestEmployer(explorer());
    await settled(page);
    const order = await count(page, 'order');
    const edges = await count(page, 'visible-edges');
    expect(await count(page, 'visible-nodes')).toBe(order);
    expect(await count(page, 'hidden')).toBe(0);
    const incident = await page.evaluate(
      (k) => (window as unknown as HookWindow).__ringwatchNetwork.sigma.getGraph().edges(k).length,
      start,
    );
    const persons = await personsNextTo(page, start);
    expect(incident).toBeGreaterThan(0);
    expect(persons.length).toBeGreaterThanOrEqual(2);
    const drawn = (key: string) =>
      page.evaluate(
        (k) =>
          !(window as unknown as HookWindow).__ringwatchNetwork.sigma.getNodeDisplayData(k)?.hidden,
        key,
      );

    // One node from its panel: it and its relations leave the drawing, not the graph.
    await clickNode(page, start);
    await expect.poll(() => count(page, 'selected')).toBe(1);
    await hideFromPanel(page);
    await expect.poll(() => count(page, 'hidden')).toBe(1);
    expect(await count(page, 'visible-nodes')).toBe(order - 1);
    expect(await count(page, 'order')).toBe(order);
    expect(await count(page, 'visible-edges')).toBe(edges - incident);
    expect(await count(page, 'selected')).toBe(0);
    expect(await drawn(start)).toBe(false);

    // Two more, selected together.
    const [a, b] = persons as [string, string];
    await clickNode(page, a);
    await clickNode(page, b, true);
    await expect.poll(() => count(page, 'selected')).toBe(2);
    await page.getByRole('button', { name: 'Hide selected' }).click();
    await expect.poll(() => count(page, 'hidden')).toBe(3);
    expect(await count(page, 'visible-nodes')).toBe(order - 3);
    expect(await drawn(a)).toBe(false);
    expect(await drawn(b)).toBe(false);
    await page.mouse.move(1, 1);
    await screenshot(page, 'network-hidden');

    await page.getByRole('button', { name: 'Show 3 hidden' }).click();
    await expect.poll(() => count(page, 'hidden')).toBe(0);
    expect(await count(page, 'visible-nodes')).toBe(order);
    expect(await count(page, 'visible-edges')).toBe(edges);
    expect(await drawn(start)).toBe(true);
    await expect(page.getByRole('button', { name: /^Show \d+ hidden$/ }).count()).resolves.toBe(0);

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('selects the nodes inside a lasso drawn with the mouse, shift adding to the selection', async () => {
    const { page, context, problems, start } = await openRiskiestEmployer(explorer());
    await settled(page);
    const positions = await restingPositions(page);
    const frame = (await canvas(page).boundingBox())!;
    const viewport = page.viewportSize()!;
    const bounds = {
      left: frame.x + 8,
      top: frame.y + 8,
      right: Math.min(frame.x + frame.width, viewport.width) - 8,
      bottom: Math.min(frame.y + frame.height, viewport.height) - 8,
    };

    // Around the employer and the nodes near it.
    const first = rectangleAround(await positionOf(page, start), positions, bounds, 2);
    expect(first).not.toBeNull();
    await lasso(page, first!.box, false);
    await expect.poll(() => count(page, 'selected')).toBe(first!.keys.length);
    expect((await selectedKeys(page)).sort()).toEqual([...first!.keys].sort());
    await expect(
      page.getByRole('button', { name: 'Lasso select' }).getAttribute('aria-pressed'),
    ).resolves.toBe('false');
    await page.mouse.move(1, 1);
    await screenshot(page, 'network-lasso');

    // Shift: a second lasso elsewhere adds its nodes (where they are drawn now).
    const firstKeys = new Set(first!.keys);
    const now = await restingPositions(page);
    const second = [...now]
      .filter(([k]) => !firstKeys.has(k))
      .map(([, p]) => rectangleAround(p, now, bounds, 1))
      .find((r) => r !== null && r.keys.some((k) => !firstKeys.has(k)));
    expect(second).toBeDefined();
    const union = [...new Set([...first!.keys, ...second!.keys])].sort();
    await lasso(page, second!.box, true);
    await expect.poll(() => count(page, 'selected')).toBe(union.length);
    expect((await selectedKeys(page)).sort()).toEqual(union);
    await page.mouse.move(1, 1);
    await screenshot(page, 'network-lasso-added');

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('exports the view as PNG, and the visible graph as GEXF and JSON', async () => {
    const { page, context, problems, start } = await openRiskiestEmployer(explorer());
    await settled(page);
    // A hidden node (a person next to the employer) stays out of the exports.
    const [person] = await personsNextTo(page, start);
    expect(person).toBeDefined();
    await clickNode(page, person!);
    await expect.poll(() => count(page, 'selected')).toBe(1);
    await hideFromPanel(page);
    await expect.poll(() => count(page, 'hidden')).toBe(1);
    const nodes = await count(page, 'visible-nodes');
    const edges = await count(page, 'visible-edges');
    expect(edges).toBeGreaterThan(0);
    const dir = await mkdtemp(path.join(tmpdir(), 'ringwatch-export-'));
    try {
      const png = await exported(page, 'PNG', dir);
      expect(png.name).toMatch(/^ringwatch-network-\d{4}-\d{2}-\d{2}\.png$/);
      expect([...png.bytes.subarray(0, 8)]).toEqual([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
      ]);
      expect(png.bytes.length).toBeGreaterThan(5_000);
      // Read back in the browser: as large as the canvas, and not blank.
      const image = await page.evaluate(async (base64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${base64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const pixels = g.getImageData(0, 0, c.width, c.height).data;
        let inked = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) inked++;
        }
        return { width: img.width, height: img.height, inked };
      }, png.bytes.toString('base64'));
      const frame = (await canvas(page).boundingBox())!;
      expect(image.width).toBeGreaterThanOrEqual(Math.floor(frame.width) - 2);
      expect(image.height).toBeGreaterThanOrEqual(Math.floor(frame.height) - 2);
      expect(image.inked).toBeGreaterThan(200);

      const gexf = await exported(page, 'GEXF', dir);
      expect(gexf.name).toMatch(/\.gexf$/);
      const graph = parseGexf(MultiDirectedGraph, gexf.bytes.toString('utf8'), {
        respectInputGraphType: true,
      });
      expect(graph.order).toBe(nodes);
      expect(graph.size).toBe(edges);
      expect(graph.hasNode(person!)).toBe(false);
      expect(graph.hasNode(start)).toBe(true);
      const gexfKeys = graph.mapNodes((_, a) => Object.keys(a)).flat();
      expect(gexfKeys.filter((k) => protectedKey.test(k))).toEqual([]);

      const json = await exported(page, 'JSON', dir);
      expect(json.name).toMatch(/\.json$/);
      const view = JSON.parse(json.bytes.toString('utf8')) as {
        nodes: { key: string }[];
        edges: unknown[];
      };
      expect(view.nodes.length).toBe(nodes);
      expect(view.edges.length).toBe(edges);
      expect(view.nodes.map((n) => n.key)).not.toContain(person);
      expect(keysOf(view).filter((k) => protectedKey.test(k))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await page.mouse.move(1, 1);
    await screenshot(page, 'network-exported');

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('opens a whole community, sampled with a note, and selects its members', async () => {
    const { page, context, problems, employerId } = await openRiskiestEmployer(explorer());
    const detail = await page.request.get(`/api/entities/employer/${employerId}`);
    expect(detail.status()).toBe(200);
    const { features } = (await detail.json()) as {
      features: { name: string; value: string | number | null }[];
    };
    const communityId = String(features.find((f) => f.name === 'f_community')?.value ?? '');
    expect(communityId).not.toBe('');
    const viewOf = async (limit?: number) => {
      const answer = await page.request.get(
        `/api/network/communities/${communityId}${limit ? `?limit=${limit}` : ''}`,
      );
      expect(answer.status()).toBe(200);
      return (await answer.json()) as {
        nodes: { type: string }[];
        notes: string[];
        community: { visibleMembers: number };
      };
    };
    const whole = await viewOf();
    const members = whole.community.visibleMembers;
    expect(members).toBeGreaterThanOrEqual(3);

    // From the form: the whole community (the server's notes, if any, shown).
    await page.getByLabel('Community', { exact: true }).fill(communityId);
    await page.getByRole('button', { name: 'Open community' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('community')).toBe(communityId);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Community ${communityId}`);
    await expect.poll(() => count(page, 'order'), { timeout: 30_000 }).toBe(whole.nodes.length);
    await expect(page.getByTestId('network-notes').count()).resolves.toBe(
      whole.notes.length > 0 ? 1 : 0,
    );
    await settled(page);
    await page.mouse.move(1, 1);
    await screenshot(page, 'network-community');

    // From the address, with fewer nodes than members: sampled, and it says so.
    const limit = Math.max(2, Math.floor(members / 2));
    const sampled = await viewOf(limit);
    await page.goto(`/network?community=${communityId}&limit=${limit}`);
    await expect.poll(() => count(page, 'order'), { timeout: 30_000 }).toBe(sampled.nodes.length);
    await expect
      .poll(() => page.getByTestId('network-notes').textContent())
      .toContain(`of ${members.toLocaleString('en')} members`);
    await settled(page);

    // Nothing selected: "Select community" takes every entity drawn.
    const entities = sampled.nodes.filter((n) =>
      ['Employer', 'Person', 'Staff'].includes(n.type),
    ).length;
    expect(entities).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Select community' }).click();
    await expect.poll(() => count(page, 'selected')).toBe(entities);
    await expect
      .poll(() => page.getByTestId('network-message').textContent())
      .toBe(`Selected ${entities} nodes: the entities of community ${communityId}.`);
    await page.mouse.move(1, 1);
    await screenshot(page, 'network-community-selected');

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
}
