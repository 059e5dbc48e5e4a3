import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fairnessTable } from './fairness.js';
import { liveHitRates } from './live.js';
import type { Band } from './metric-schemas.js';
import { calibrationBins, hitRateByBand, proportion } from './metrics.js';
import {
  caveatsFor,
  compareModels,
  evaluationReportSchema,
  writeEvaluationReport,
  type AreaReport,
  type EvaluationReport,
} from './report.js';
import { SKLEARN_CASES } from './sklearn-reference.js';
import { xmlProblem } from './test-xml.js';
import { truthRecall } from './truth-recall.js';
import { compareVersions } from './versions.js';

const c = SKLEARN_CASES[1]!; // 60 labels, 13 confirmed
const labels = c.labels.map((y) => y === 1);
const bandOf = (s: number): Band =>
  s > 0.7 ? 'red' : s > 0.5 ? 'orange' : s > 0.3 ? 'green' : 'blue';

function employerArea(): AreaReport {
  const area: AreaReport = {
    area: 'employer',
    modelVersion: 'employer-2025-12-01-a1b2',
    intrinsicModelVersion: 'employer-intrinsic-2025-12-01-c3d4',
    holdout: {
      splitDate: '2024-01-01',
      train: { labels: 412, positives: 97 },
      caseLabels: { trained: 0, withheld: 0 },
      test: { labels: labels.length, positives: 13, from: '2024-01-03', to: '2025-12-19' },
    },
    capacity: 10,
    ...compareModels(c.scores, c.scores2, labels, 10),
    bands: hitRateByBand(c.scores.map(bandOf), labels),
    controlGroup: proportion(2, 24),
    modelDriven: proportion(5, 9),
    calibration: calibrationBins(c.scores, labels, 5),
    fairness: [
      fairnessTable(
        'region',
        c.scores.map((s, i) => ({
          group: ['north | coast', 'south', 'east'][i % 3] ?? null,
          flagged: bandOf(s) === 'red' || bandOf(s) === 'orange',
          label: labels[i] ?? null,
        })),
      ),
    ],
  };
  return area;
}

function report(): EvaluationReport {
  const area = employerArea();
  return {
    schemaVersion: 3,
    title: 'ringwatch evaluation',
    generatedAt: '2026-01-05T10:00:00Z',
    dataset: 'data/small (extracted 2025-12-31)',
    areas: [area],
    truth: truthRecall([{ entityType: 'employer', entityId: 'E1', band: 'red' }], {
      entities: [
        {
          entity_type: 'employer',
          entity_id: 'E1',
          pattern: 'phoenix',
          ring_id: 'R-phx-0-0',
          decoy: false,
          role: 'successor',
        },
      ],
      rings: [
        {
          ring_id: 'R-phx-0-0',
          pattern: 'phoenix',
          decoy: false,
          concealment: 0.2,
          block: 0,
          members: 1,
          host_ring_id: null,
        },
      ],
    }),
    versions: [
      compareVersions({
        area: 'employer',
        truth: {
          ids: ['E1', 'E2', 'E3', 'E4', 'E5'],
          labelled: new Set(['E5']),
          culpable: new Set(['E1', 'E2']),
          capacity: 1,
        },
        versions: [
          {
            version: 'employer-a',
            createdAt: '2026-01-01',
            active: false,
            trainingLabels: 40,
            holdout: [],
            scores: [0.2, 0.6, 0.5, 0.1, 0.9],
          },
          {
            version: 'employer-b',
            createdAt: '2026-02-01',
            active: true,
            trainingLabels: 58,
            holdout: [
              { id: 'H1', confirmed: true, probability: 0.8 },
              { id: 'H2', confirmed: false, probability: 0.3 },
            ],
            scores: [0.7, 0.6, 0.5, 0.1, 0.9],
          },
        ],
      }),
    ],
    live: liveHitRates([
      {
        area: 'employer',
        origin: 'risk_model',
        model: 'employer-2025-12-01-a1b2',
        band: 'red',
        closed: 4,
        confirmed: 3,
        firstClosed: '2026-01-02',
        lastClosed: '2026-01-04',
      },
    ]),
    notes: caveatsFor(area),
  };
}

/** Every table row has as many unescaped pipes as its header, and a rule row follows it. */
function tableProblems(md: string): string[] {
  const problems: string[] = [];
  const pipes = (line: string) => line.replace(/\\\|/g, '').split('|').length - 1;
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
    const rule = lines[i + 1] ?? '';
    if (!/^\| (-{3}:?|:?-{3})( \| (-{3}:?|:?-{3}))* \|$/.test(rule))
      problems.push(`no rule under: ${line}`);
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) {
      if (pipes(lines[j]!) !== pipes(line)) problems.push(`ragged row: ${lines[j]}`);
    }
  }
  return problems;
}

describe('evaluation report', () => {
  it('writes report.json, report.md and the SVG charts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rw-report-'));
    const written = await writeEvaluationReport(report(), dir);
    expect(readdirSync(dir).sort()).toEqual([
      'employer-bands.svg',
      'employer-calibration.svg',
      'employer-live.svg',
      'employer-pr.svg',
      'employer-roc.svg',
      'report.json',
      'report.md',
    ]);
    expect(written).toHaveLength(7);
    const json: unknown = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(evaluationReportSchema.parse(json)).toEqual(report());
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.svg'))) {
      expect(xmlProblem(readFileSync(path.join(dir, f), 'utf8')), f).toBeNull();
    }
  });

  it('the Markdown holds the figures, the charts, valid tables and the caveats', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rw-report-'));
    await writeEvaluationReport(report(), dir);
    const md = readFileSync(path.join(dir, 'report.md'), 'utf8');
    const area = employerArea();
    const auc = area.full.auc;
    // AUC 0.742 (scikit-learn: 0.7422…) with its DeLong interval
    expect(md).toContain(
      `${auc.value!.toFixed(3)} [${auc.interval!.lower.toFixed(3)}, ${auc.interval!.upper.toFixed(3)}]`,
    );
    expect(auc.value!.toFixed(3)).toBe('0.742');
    expect(md).toContain('0.430'); // average precision, scikit-learn 0.43009…
    expect(md).toContain('Trained on 412 inspections closed before 2024-01-01');
    expect(md).toContain(
      'tested on 60 closed on or after it (2024-01-03 to 2025-12-19), 13 confirmed',
    );
    expect(md).toContain('Random-audit control group (inspections drawn at random): 8.3 %');
    for (const chart of [
      'employer-roc.svg',
      'employer-pr.svg',
      'employer-bands.svg',
      'employer-calibration.svg',
    ]) {
      expect(md).toContain(`](${chart})`);
    }
    expect(md).toContain('north \\| coast'); // a pipe in a group name is escaped
    expect(md).toContain('## Planted patterns');
    expect(md).toContain(
      'The test set is fixed to loaded inspections, so closing cases does not change it; 0 outcomes of closed cases trained the hold-out model.',
    );
    expect(md).toContain('## Model versions side by side');
    expect(md).toContain(
      'Hold-out: the 2 test entities (1 confirmed) every version was tested on.',
    );
    expect(md).toContain(
      'Truth: the 4 employers that no version learnt from (1 with a closed inspection or case left out), 2 of them culpable.',
    );
    expect(md).toContain(
      '| employer-b (active) | 2026-02-01 | 58 | 1.000 | — | 1.000 [1.000, 1.000] | +0.250 (p 0.480) | 1.000 | 1 of 1 |',
    );
    expect(md).toContain('## Live hit rates from closed cases');
    expect(md).toContain(
      '#### Model `employer-2025-12-01-a1b2`, cases closed 2026-01-02 to 2026-01-04',
    );
    expect(md).toContain('](employer-live.svg)');
    expect(md).toMatch(/60 test labels \(13 confirmed\); the intervals are wide/);
    expect(md).toContain('Labels come only from inspections that someone chose to do');
    expect(tableProblems(md)).toEqual([]);
  });

  it('refuses a report that does not match its schema', async () => {
    const bad = { ...report(), areas: [] };
    await expect(writeEvaluationReport(bad, tmpdir())).rejects.toThrow(
      /evaluation: the report does not match its schema \(areas/,
    );
  });
});
