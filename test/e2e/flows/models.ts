// The model page in the browser: an analyst sees every stored version with its metrics, picks
// the version that scored the data set's persons, and reads its live hit rate per band (two
// cases closed on it: one the model chose, one drawn for the control group) and its metrics
// across versions as charts with their text alternatives; activating is shown as a command.
import { expect, it } from 'vitest';
import { openCase } from '../../../server/cases/create-case.js';
import { ConflictError } from '../../../server/errors.js';
import { newPage, screenshot } from '../browser.js';
import { signInAs, type Explorer } from '../explorer-fixture.js';
import { change, openCaseOnOneOf, ranked, unexpected } from './case-helpers.js';

interface ModelsAnswer {
  models: {
    version: string;
    active: boolean;
    training: { labels: number; positives: number };
    live: { modelDriven: { overall: { n: number } } } | null;
  }[];
}

export function modelsFlow(explorer: () => Explorer): void {
  it('an analyst sees the versions, their metrics and the hit-rate charts', async () => {
    const x = explorer();
    // Close two cases on persons scored with the data set's model, as an admin.
    const admin = await newPage(x.browser, x.baseURL);
    await signInAs(admin.page, x, 'admin');
    const stored = (await (await admin.page.request.get('/api/models')).json()) as ModelsAnswer;
    const versions = new Set(stored.models.map((m) => m.version));
    const persons = (await ranked(admin.page, 'person')).filter(
      (p) => p.model !== null && versions.has(p.model),
    );
    expect(persons.length, 'persons scored with a stored model version').toBeGreaterThan(2);
    const version = persons[0]!.model!;
    const sameModel = persons.filter((p) => p.model === version).map((p) => p.id);
    const chosen = await openCaseOnOneOf(admin.page, sameModel, 'person');
    let control: { id: string } | undefined;
    for (const id of [...sameModel].reverse()) {
      try {
        control = await openCase(
          x.db,
          { refs: [{ type: 'person', id }], origin: 'random_audit', title: 'Control group' },
          'control-group',
        );
        break;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    if (!control) throw new Error('no person without an open case for the control group');
    for (const [id, outcome] of [
      [chosen.id, 'confirmed'],
      [control.id, 'unfounded'],
    ] as const) {
      await change(admin.page, `${id}/take`, { version: 1 });
      await change(admin.page, `${id}/transition`, { version: 2, to: 'in_progress' });
      await change(admin.page, `${id}/close`, {
        version: 3,
        outcome,
        ...(outcome === 'confirmed' ? { offence: 'benefit_fraud' } : {}),
      });
    }
    await admin.context.close();

    const { page, context, problems } = await newPage(x.browser, x.baseURL);
    await signInAs(page, x, 'analyst');
    const answer = (await (await page.request.get('/api/models')).json()) as ModelsAnswer;
    const mine = answer.models.find((m) => m.version === version)!;
    expect(mine.live!.modelDriven.overall.n).toBeGreaterThanOrEqual(1);

    await page.getByRole('link', { name: 'Models' }).click();
    const table = page.getByTestId('model-versions');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(answer.models.length);
    expect(await table.locator(`tr[data-version="${version}"]`).textContent()).toContain(
      `${mine.training.labels} (${mine.training.positives})`,
    );
    await table.getByRole('link', { name: version }).click();
    await page.waitForURL(new RegExp(`version=${version}`));
    await page.getByRole('heading', { name: new RegExp(version) }).waitFor();

    // Live hit rate: an SVG with a title and description, bars per band, the control group's
    // reference line, and the same figures in a table.
    const hitRate = page
      .getByRole('region', { name: 'Live hit rate per band' })
      .getByTestId('hit-rate-chart');
    const svg = hitRate.getByRole('img', {
      name: /Hit rate per band, model-driven cases against the control group/,
    });
    await svg.waitFor();
    expect(await hitRate.locator('svg rect').count()).toBeGreaterThanOrEqual(1);
    expect(await hitRate.locator('.reference line').count()).toBe(1);
    expect(await hitRate.locator('desc').textContent()).toContain('Control group base rate');
    const totals = await hitRate.locator('tr.total td').allTextContents();
    expect(Number(totals[1])).toBe(mine.live!.modelDriven.overall.n);
    expect(Number(totals[5])).toBeGreaterThanOrEqual(1);

    const metrics = page.getByTestId('metrics-chart');
    await metrics.getByRole('img', { name: /Hold-out metrics across versions/ }).waitFor();
    expect(await metrics.locator('svg path[stroke]').count()).toBe(4);
    expect(await page.getByTestId('coefficients').locator('tbody tr').count()).toBeGreaterThan(0);
    if (!mine.active) {
      expect(await page.locator('.activate').textContent()).toContain(
        `npx ringwatch model activate ${version}`,
      );
    }
    await screenshot(page, 'models');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
}
