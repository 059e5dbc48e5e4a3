// The evaluation report as a Markdown document for a skeptical reader: what was evaluated, on
// which window, how many labels, every figure with its interval, the charts, the fairness
// tables and the caveats. Numbers are formatted one way throughout: rates and AUCs with three
// decimals, shares as percentages with one decimal, intervals in square brackets.
import type { FairnessTable } from './fairness.js';
import { liveMarkdown } from './live-markdown.js';
import { dec, est, NA, pct, prop, pValue, range, table } from './markdown-format.js';
import { areaTitle, chartFiles } from './report-files.js';
import type { AreaReport, EvaluationReport, ModelMetrics } from './report.js';
import type { TruthRecall } from './truth-recall.js';
import { versionsMarkdown } from './versions-markdown.js';

function aucText(m: ModelMetrics): string {
  const a = m.auc;
  if (a.value === null) return `${NA} (${a.reason ?? 'undefined'})`;
  return `${dec(a.value)}${range(a.interval, dec)}`;
}

function precisionAtCapacity(m: ModelMetrics): string {
  const p = m.precisionAtCapacity;
  if (p.precision === null) return `${NA} (${p.reason ?? 'undefined'})`;
  const hits = Number.isInteger(p.hits) ? String(p.hits) : p.hits.toFixed(1);
  return `${pct(p.precision)} (${hits} of ${p.k})`;
}

function gainText(a: AreaReport): string {
  const g = a.aucGain;
  if (!g) return 'not evaluated (no intrinsic-only model)';
  if (g.difference === null) return `${NA} (${g.reason ?? 'undefined'})`;
  const sign = g.difference >= 0 ? '+' : '-';
  const p = g.pValue === null ? '' : `, p = ${pValue(g.pValue)}`;
  return `${sign}${dec(Math.abs(g.difference))}${range(g.interval, dec)}${p}`;
}

function summary(report: EvaluationReport): string {
  return table(
    [
      'area',
      'model',
      'test labels (confirmed)',
      'ROC AUC [95 % CI]',
      'PR AUC (base rate)',
      'precision at capacity',
      'AUC gain from the network',
    ],
    report.areas.map((a) => [
      areaTitle(a.area),
      a.modelVersion,
      `${a.holdout.test.labels} (${a.holdout.test.positives})`,
      aucText(a.full),
      `${est(a.full.averagePrecision)} (${pct(a.full.pr.baseRate)})`,
      precisionAtCapacity(a.full),
      gainText(a),
    ]),
    [false, false, true, true, true, true, true],
  );
}

function ranking(a: AreaReport): string {
  const models: [string, ModelMetrics][] = [['full model', a.full]];
  if (a.intrinsic) models.push(['intrinsic features only', a.intrinsic]);
  const rows = [
    ['ROC AUC [95 % CI, DeLong]', ...models.map(([, m]) => aucText(m))],
    ['PR AUC (average precision)', ...models.map(([, m]) => est(m.averagePrecision))],
    [`precision at capacity (k = ${a.capacity})`, ...models.map(([, m]) => precisionAtCapacity(m))],
  ];
  const p = a.full.precisionAtCapacity;
  const ties =
    p.tiedAtCut > p.tiedTaken && p.tiedTaken > 0
      ? ` The cut at k fell inside ${p.tiedAtCut} equal scores, of which ${p.tiedTaken} fit; they are counted in proportion (the mean over every order of the ties).`
      : '';
  return [
    table(['metric', ...models.map(([name]) => name)], rows, [false, true, true]),
    '',
    `Gain from network features (AUC of the full model minus AUC with intrinsic features only, paired DeLong test): ${gainText(a)}.${ties}`,
  ].join('\n');
}

function bands(a: AreaReport): string {
  const rows = a.bands.bands.map((b) => [
    b.band,
    String(b.labelled),
    String(b.hits),
    `${pct(b.hitRate)}${range(b.interval, pct)}`,
    b.lift === null ? NA : `${b.lift.toFixed(2)}×`,
  ]);
  const base = a.bands.baseRate;
  rows.push([
    'all bands (base rate)',
    String(base.n),
    String(base.hits),
    prop(base).replace(/ \(\d+ of \d+\)$/, ''),
    '1.00×',
  ]);
  const lines = [
    table(['band', 'inspected', 'confirmed', 'hit rate [95 % CI]', 'lift over base rate'], rows, [
      false,
      true,
      true,
      true,
      true,
    ]),
    '',
    `- Random-audit control group (inspections drawn at random): ${prop(a.controlGroup)}.`,
    `- Inspections chosen by the risk model: ${prop(a.modelDriven)}.`,
  ];
  if (a.bands.unbanded > 0)
    lines.push(`- ${a.bands.unbanded} labelled entities had no band and are left out above.`);
  return lines.join('\n');
}

function calibration(a: AreaReport): string {
  const c = a.calibration;
  const rows = c.bins.map((b) => [
    `${dec(b.lower)}–${dec(b.upper)}`,
    String(b.count),
    dec(b.meanPredicted),
    `${dec(b.observedRate)}${range(b.interval, dec)}`,
  ]);
  return [
    `${c.strategy === 'uniform' ? 'Equal-width' : 'Equal-count (quantile)'} bins of the predicted probability. Expected calibration error ${est(c.ece)}; Brier score ${est(c.brier)}.`,
    '',
    table(['predicted', 'entities', 'mean predicted', 'observed rate [95 % CI]'], rows, [
      false,
      true,
      true,
      true,
    ]),
  ].join('\n');
}

export function fairnessMarkdown(t: FairnessTable): string {
  const rows = [...t.rows, ...(t.overall ? [t.overall] : [])].map((r) => [
    r.kind === 'overall' ? 'all' : r.group,
    String(r.entities),
    String(r.flagged),
    pct(r.flagRate),
    r.flagRateRatio === null
      ? NA
      : `${r.flagRateRatio.toFixed(2)}${r.outsideFourFifths ? ' (!)' : ''}`,
    String(r.labelledFlagged),
    `${pct(r.precision)}${range(r.precisionInterval, pct)}`,
  ]);
  return [
    `#### By ${t.column.replace(/_/g, ' ')}`,
    '',
    table(
      [
        'group',
        'entities',
        'flagged',
        'flag rate',
        'ratio to all',
        'flagged and inspected',
        'precision [95 % CI]',
      ],
      rows,
      [false, true, true, true, true, true, true],
    ),
    '',
    `${t.note} (!) marks a flag-rate ratio outside 0.80–1.25.`,
  ].join('\n');
}

function caseLabelsText(c: AreaReport['holdout']['caseLabels']): string {
  const withheld =
    c.withheld > 0
      ? `; ${c.withheld} outcomes of test entities were kept out of it (no identity leakage)`
      : '';
  return `The test set is fixed to loaded inspections, so closing cases does not change it; ${c.trained} outcomes of closed cases trained the hold-out model${withheld}.`;
}

function area(a: AreaReport): string {
  const files = chartFiles(a.area);
  const title = areaTitle(a.area);
  const h = a.holdout;
  return [
    `## ${title}`,
    '',
    `Model \`${a.modelVersion}\`${a.intrinsicModelVersion ? `; intrinsic-only model \`${a.intrinsicModelVersion}\`` : ''}. Trained on ${h.train.labels} inspections closed before ${h.splitDate}${h.caseLabels.trained > 0 ? ' or from closed cases' : ''} (${h.train.positives} confirmed); tested on ${h.test.labels} closed on or after it${h.test.from && h.test.to ? ` (${h.test.from} to ${h.test.to})` : ''}, ${h.test.positives} confirmed. ${caseLabelsText(h.caseLabels)}`,
    '',
    '### Ranking',
    '',
    ranking(a),
    '',
    `![${title}: ROC curve](${files.roc}) ![${title}: precision–recall curve](${files.pr})`,
    '',
    '### Hit rate per band',
    '',
    bands(a),
    '',
    `![${title}: hit rate per band](${files.bands})`,
    '',
    '### Calibration',
    '',
    calibration(a),
    '',
    `![${title}: calibration](${files.calibration})`,
    '',
    '### Fairness',
    '',
    'Sex, nationality group and region are never model features; they are audit columns.',
    '',
    ...(a.fairness.length === 0
      ? ['No fairness table was computed.']
      : a.fairness.map((t) => `${fairnessMarkdown(t)}\n`)),
  ].join('\n');
}

function truth(t: TruthRecall): string {
  const rows = t.patterns.map((p) => [
    p.pattern.replace(/_/g, ' '),
    String(p.planted),
    `${p.flaggedPlanted} (${pct(p.recall.rate)}${range(p.recall.interval, pct)})`,
    `${p.ringsHit} of ${p.plantedRings}`,
    `${p.bystandersFlagged} of ${p.bystanders}`,
    `${p.decoysFlagged} of ${p.decoyMembers}`,
    est(p.precision),
  ]);
  return [
    '## Planted patterns (synthetic data set)',
    '',
    `${t.flagged} entities flagged; ${t.flaggedPlanted} of them planted in a fraud ring (precision ${prop(t.precision)}); ${t.flaggedDecoys} are decoys — legitimate look-alikes.`,
    '',
    table(
      [
        'pattern',
        'planted',
        'flagged (recall [95 % CI])',
        'rings hit',
        'bystanders flagged',
        'decoys flagged',
        'precision',
      ],
      rows,
      [false, true, true, true, true, true, true],
    ),
    '',
    t.note,
  ].join('\n');
}

const STANDING_CAVEATS = [
  'Labels come only from inspections that someone chose to do, mostly on complaints and signals: the base rate among the inspected overstates prevalence, and a model can look good by learning what inspectors already look for. The random-audit control group is the unbiased check.',
  'Entities never inspected have no label and are not in any figure above; precision at capacity is measured among the labelled test entities.',
  'Intervals are 95 %: DeLong for AUCs, Wilson for rates. They describe sampling noise only, not the selection bias above.',
  'A score is a reason to look, never a decision.',
];

/** The whole report.md. */
export function renderMarkdown(report: EvaluationReport): string {
  const parts = [
    `# ${report.title}`,
    '',
    `Generated ${report.generatedAt}${report.dataset ? ` on ${report.dataset}` : ''}. The figures are in [report.json](report.json).`,
    '',
    '## Summary',
    '',
    'A time-based hold-out: models are trained on inspections closed before the split date (and on the outcomes of closed cases) and tested on the loaded inspections closed later: a test set that closing cases does not change, so versions stay comparable.',
    '',
    summary(report),
    '',
    ...report.areas.map((a) => `${area(a)}`),
    liveMarkdown(report.live),
  ];
  if (report.truth) parts.push(truth(report.truth), '');
  if (report.versions.length > 0) parts.push(versionsMarkdown(report.versions));
  parts.push('## Caveats', '', ...[...STANDING_CAVEATS, ...report.notes].map((n) => `- ${n}`), '');
  return parts.join('\n');
}
