// The model card (Markdown and JSON) of a trained version: what it is for, what it learned from,
// what it uses and how much, how well it did on a later hold-out, and what it never uses.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Field } from './fields.js';
import { publicModel, type HoldoutMetrics, type TrainedModel } from './model.js';

const fixed = (v: number | null | undefined, digits = 3) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits);
const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`;

function metricsRow(name: string, m: HoldoutMetrics): string {
  const interval = m.rocAucInterval
    ? ` (${fixed(m.rocAucInterval[0])}–${fixed(m.rocAucInterval[1])})`
    : '';
  return `| ${name} | ${m.labels} | ${m.positives} | ${fixed(m.rocAuc)}${interval} | ${fixed(m.prAuc)} | ${percent(m.baseRate)} | ${percent(m.redPrecision)} | ${fixed(m.brier)} |`;
}

export function modelCardMarkdown(model: TrainedModel, fields: ReadonlyMap<string, Field>): string {
  const t = model.training;
  const lines = [
    `# Model card — ${model.version}`,
    '',
    `- **Area:** ${model.area}${model.offence === 'any' ? '' : `, offence ${model.offence}`}`,
    `- **Kind:** logistic regression, L2 penalty λ = ${model.l2} (chosen by ${model.crossValidation ? `${new Set(model.crossValidation.map((c) => c.l2)).size}-value cross-validation` : 'default: too few labels to cross-validate'}), standardised inputs`,
    `- **Trained:** ${model.createdAt}, features as of ${model.asOf}`,
    `- **Training data:** ${t.labels} closed inspections (${t.positives} confirmed, ${t.labels - t.positives} unfounded), closed ${t.firstClosed} to ${t.lastClosed}; origins ${Object.entries(
      t.origins,
    )
      .map(([o, n]) => `${o} ${n}`)
      .join(', ')}; ${t.fromCases} from closed cases`,
    ...caseLabelLines(model),
    `- **Training data hash (SHA-256):** \`${t.dataHash}\``,
    `- **Rules:** ${model.rules.ids.length} rules from ${model.rules.source} (\`${model.rules.hash.slice(0, 16)}\`)`,
    '',
    '## Intended use',
    'A score is a reason to look, never a decision: it ranks entities for inspection within the',
    'inspectorate’s capacity, with the reasons shown. The outcome of each inspection is recorded',
    'by a person in the case queue and becomes a label for the next version.',
    '',
    '## Never used as inputs',
    `${model.protectedAttributes.join(', ')} — protected attributes are read for the fairness audit only.`,
    '',
  ];
  if (model.holdout) {
    const h = model.holdout;
    const gain =
      h.full.rocAuc !== null && h.intrinsicOnly.rocAuc !== null
        ? (h.full.rocAuc - h.intrinsicOnly.rocAuc).toFixed(3)
        : '—';
    lines.push(
      '## Time-based hold-out',
      `Trained on inspections closed before ${h.splitDate} and on outcomes of closed cases (${h.train.labels} labels, ${h.train.positives} confirmed, ${h.caseLabels.trained} from cases), tested on the loaded inspections closed from that day: a fixed test set, which closing cases does not change.${h.caseLabels.withheld > 0 ? ` ${h.caseLabels.withheld} case outcomes of test entities were kept out of the hold-out model.` : ''}`,
      '',
      '| model | test labels | confirmed | ROC AUC (95 % interval) | PR AUC | base rate | red-band precision | Brier |',
      '|---|---:|---:|---|---:|---:|---:|---:|',
      metricsRow('all inputs', h.full),
      metricsRow('intrinsic inputs only', h.intrinsicOnly),
      '',
      `Gain from the network features: ${gain} ROC AUC.`,
      '',
    );
  } else {
    lines.push('## Time-based hold-out', 'Too few labels for a hold-out: no test figures.', '');
  }
  lines.push(
    '## Inputs',
    'Coefficients are per standard deviation of the transformed input: the change in log-odds',
    'when the input moves one standard deviation above the training mean.',
    '',
    '| input | kind | transform | coefficient | description |',
    '|---|---|---|---:|---|',
  );
  const order = model.inputs
    .map((spec, j) => ({ spec, beta: model.coefficients[j]! }))
    .sort((a, b) => Math.abs(b.beta) - Math.abs(a.beta));
  for (const { spec, beta } of order) {
    const description =
      fields.get(spec.name)?.description ??
      (spec.kind === 'rule' ? `rule ${spec.name.slice(2)} fired` : '');
    lines.push(
      `| ${spec.name} | ${spec.kind} | ${spec.transform} | ${beta.toFixed(3)} | ${description.replace(/\|/g, '/')} |`,
    );
  }
  lines.push(
    `| (intercept) | | | ${model.intercept.toFixed(3)} | log-odds of an average entity |`,
    '',
  );
  if (model.dropped.length > 0) {
    lines.push(`Left out because constant in the training data: ${model.dropped.join(', ')}.`, '');
  }
  lines.push('## Caveats');
  for (const note of model.notes) lines.push(`- ${note}`);
  lines.push('');
  return lines.join('\n');
}

/** How labels the model chose itself were treated (label-treatment.ts). */
function caseLabelLines(model: TrainedModel): string[] {
  const c = model.training.caseLabels;
  if (!c) return [];
  const origins = Object.entries(c.byOrigin)
    .map(([o, n]) => `${o} ${n.labels} (${n.fromCases} from cases)`)
    .join(', ');
  if (c.modelChosen === 0) {
    return [`- **Labels by origin:** ${origins}; none chosen by the model, so none treated apart`];
  }
  const weight = c.modelChosenWeight
    ? `weight ${c.modelChosenWeight.chosen} each (chosen by cross-validation on the other labels from ${c.modelChosenWeight.tried.join(', ')})`
    : 'weight 1 each';
  const indicator = c.indicator
    ? `; a training-only origin indicator absorbed their selection (log-odds shift ${c.indicator.coefficient.toFixed(3)}), held at 0 when scoring and never a reason`
    : '; no origin indicator';
  return [
    `- **Labels by origin:** ${origins}`,
    `- **Labels the model chose** (closed \`risk_model\` cases): ${c.modelChosen}, ${weight}${indicator}. Random audits and every other origin count fully (weight 1).`,
  ];
}

export async function writeModelCard(
  model: TrainedModel,
  fields: ReadonlyMap<string, Field>,
  dir: string,
): Promise<{ markdown: string; json: string }> {
  await mkdir(dir, { recursive: true });
  const markdown = path.join(dir, `${model.version}.md`);
  const json = path.join(dir, `${model.version}.json`);
  await writeFile(markdown, modelCardMarkdown(model, fields));
  await writeFile(json, `${JSON.stringify(publicModel(model), null, 2)}\n`);
  return { markdown, json };
}
