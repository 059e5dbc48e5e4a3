// The report's "Model versions side by side" section (versions.ts): per area, one row per
// version with its fixed hold-out ROC AUC and, on a synthetic data set, its ROC AUC, average
// precision and culpable among the red band's capacity on the entities none learnt from; each
// with the change from the version before and the paired DeLong test.
import type { Auc, AucDifference } from './metric-schemas.js';
import { dec, NA, pValue, range, table } from './markdown-format.js';
import { areaTitle } from './report-files.js';
import type { VersionComparison } from './versions.js';

type Row = VersionComparison['versions'][number];

function auc(a: Auc | undefined): string {
  if (a === undefined) return NA;
  return a.value === null
    ? `${NA} (${a.reason ?? 'undefined'})`
    : `${dec(a.value)}${range(a.interval, dec)}`;
}

function change(d: AucDifference | null | undefined): string {
  if (d === null || d === undefined) return '—';
  if (d.difference === null) return `${NA} (${d.reason ?? 'undefined'})`;
  const sign = d.difference >= 0 ? '+' : '';
  // No p-value when the two rank the entities alike (a standard error of 0).
  return `${sign}${dec(d.difference)}${d.pValue === null ? '' : ` (p ${pValue(d.pValue)})`}`;
}

function hits(r: Row): string {
  const p = r.truth?.atCapacity;
  return p === undefined || p.precision === null ? NA : `${Number(p.hits.toFixed(1))} of ${p.k}`;
}

const plural = (c: VersionComparison) => (c.area === 'staff' ? 'officials' : `${c.area}s`);

function areaSection(c: VersionComparison): string {
  const withTruth = c.truth !== null;
  const rows = c.versions.map((r) => [
    `${r.version}${r.active ? ' (active)' : ''}`,
    r.createdAt.slice(0, 10),
    String(r.trainingLabels),
    r.holdout ? auc(r.holdout.rocAuc) : NA,
    change(r.holdout?.versusPrevious),
    ...(withTruth
      ? [
          auc(r.truth?.rocAuc),
          change(r.truth?.versusPrevious),
          r.truth?.averagePrecision.value == null ? NA : dec(r.truth.averagePrecision.value),
          hits(r),
        ]
      : []),
  ]);
  const header = [
    'version',
    'trained',
    'training labels',
    'hold-out ROC AUC [95 % CI]',
    'change',
    ...(withTruth
      ? [
          'truth ROC AUC [95 % CI]',
          'change',
          'truth average precision',
          `culpable in the top ${c.truth!.capacity}`,
        ]
      : []),
  ];
  const lines = [`### ${areaTitle(c.area)}`, ''];
  lines.push(
    c.holdout
      ? `Hold-out: the ${c.holdout.labels} test entities (${c.holdout.positives} confirmed) every version was tested on.`
      : 'Hold-out: no version kept its hold-out predictions (trained before they were kept); retrain to compare.',
  );
  if (c.truth) {
    lines.push(
      '',
      `Truth: the ${c.truth.entities} ${plural(c)} that no version learnt from (${c.truth.labelled} with a closed inspection or case left out), ${c.truth.culpable} of them culpable.`,
    );
  }
  lines.push(
    '',
    table(
      header,
      rows,
      header.map((_, i) => i >= 2),
    ),
  );
  return lines.join('\n');
}

export function versionsMarkdown(all: readonly VersionComparison[]): string {
  if (all.length === 0) return '';
  return [
    '## Model versions side by side',
    '',
    'Each version is measured on the same entities as the others, and each change is the paired DeLong test against the version before. The fixed hold-out is small: it can show that a retrained version is not significantly worse, rarely that it is better. On a synthetic data set (`--truth`) every entity that no version learnt from has a known answer, thousands of them: that shows whether retraining on case outcomes ranks the unlabelled better.',
    '',
    ...all.map((c) => `${areaSection(c)}\n`),
  ].join('\n');
}
