// The report's "Model versions on the ground truth" section (truth-versions.ts): per area, one
// row per version with its ROC AUC, average precision and the culpable among the red band's
// capacity, and the change from the version before it with the paired DeLong test.
import { dec, NA, pValue, range, table } from './markdown-format.js';
import { areaTitle } from './report-files.js';
import type { TruthVersions } from './truth-versions.js';

type Version = TruthVersions['versions'][number];

function auc(v: Version): string {
  const a = v.rocAuc;
  return a.value === null
    ? `${NA} (${a.reason ?? 'undefined'})`
    : `${dec(a.value)}${range(a.interval, dec)}`;
}

function change(v: Version): string {
  const d = v.versusPrevious;
  if (d === null) return '—';
  if (d.difference === null) return `${NA} (${d.reason ?? 'undefined'})`;
  const sign = d.difference >= 0 ? '+' : '';
  // No p-value when the two rank the entities alike (a standard error of 0).
  return `${sign}${dec(d.difference)}${d.pValue === null ? '' : ` (p ${pValue(d.pValue)})`}`;
}

function hits(v: Version): string {
  const p = v.atCapacity;
  return p.precision === null ? NA : `${Number(p.hits.toFixed(1))} of ${p.k}`;
}

function areaSection(t: TruthVersions): string {
  const rows = t.versions.map((v) => [
    `${v.version}${v.active ? ' (active)' : ''}`,
    v.createdAt.slice(0, 10),
    String(v.trainingLabels),
    auc(v),
    change(v),
    v.averagePrecision.value === null ? NA : dec(v.averagePrecision.value),
    hits(v),
  ]);
  return [
    `### ${areaTitle(t.area)}`,
    '',
    `${t.entities} ${t.area === 'staff' ? 'officials' : `${t.area}s`} that no version learnt from (${t.labelled} with a closed inspection or case left out), ${t.culpable} of them culpable.`,
    '',
    table(
      [
        'version',
        'trained',
        'training labels',
        'ROC AUC [95 % CI]',
        'change from the previous',
        'average precision',
        `culpable in the top ${t.capacity}`,
      ],
      rows,
      [false, false, true, true, true, true, true],
    ),
  ].join('\n');
}

export function truthVersionsMarkdown(all: readonly TruthVersions[]): string {
  if (all.length === 0) return '';
  return [
    '## Model versions on the ground truth (synthetic data set)',
    '',
    'The time hold-out above has few labels; the truth of a synthetic data set has an answer for every entity. Each version is scored on the same entities — those no version learnt from — so retraining on case outcomes shows whether it ranks the unlabelled better. Changes are paired DeLong tests against the version before.',
    '',
    ...all.map((t) => `${areaSection(t)}\n`),
  ].join('\n');
}
