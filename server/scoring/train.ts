// `ringwatch train`: for each area (and each offence with enough labels), learn a model from the
// closed inspections — loaded ones and those written by closing a case alike — evaluate it on
// the fixed time-based hold-out (holdout-split.ts: the test set is drawn from loaded inspections
// only, so versions stay comparable as cases add labels), fit the version that is kept on all
// labels, store it with its card, and activate it when the area has no active model yet.
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.js';
import { areaOffences, areas, type Area } from './areas.js';
import { candidateInputs } from './candidates.js';
import type { CandidateInput } from './design.js';
import { entityTable, type EntityTable, type TableCache } from './entity-table.js';
import { fitModel } from './fit-model.js';
import { caseLabelSummary, labelTreatment, type LabelTreatment } from './label-treatment.js';
import { evaluateHoldout, tableRows } from './holdout.js';
import {
  holdoutSplit,
  holdoutSplitDate,
  keepLabels,
  labelSets,
  type HoldoutSplit,
  type LabelSets,
} from './holdout-split.js';
import { readInspections, type EntityLabel } from './labels.js';
import { trainedModelSchema, type TrainedModel } from './model.js';
import { activateModel, activeModels, saveModel } from './model-store.js';
import { protectedAttributes } from './protected.js';
import { ruleColumns, rulesOf } from './rule-columns.js';
import type { RuleSet } from './rules/load-rules.js';
import type { ScoringConfig } from './scoring-config.js';

export interface TrainOptions {
  config: ScoringConfig;
  rules: RuleSet;
  asOf: string;
  now?: Date;
  /**
   * true: make every new version active; false: store them without activating any (to compare a
   * retrain first); default: activate only where the area/offence has no active version.
   */
  activate?: boolean;
  /** Only entities whose id starts with this (default: all). */
  scope?: string;
  onPhase?: (phase: string) => void;
  /** Tables already read by an earlier step of the same pipeline (entity-table.ts). */
  tables?: TableCache;
}

export type TrainOutcome =
  | { area: Area; offence: string; trained: true; model: TrainedModel; activated: boolean }
  | { area: Area; offence: string; trained: false; reason: string };

/** 20261123T143304.123Z → 20261123T143304123Z: versions trained within one second differ. */
const stamp = (d: Date) => d.toISOString().replace(/[-:.]/g, '');

const SELECTION_NOTE =
  'Labels come only from inspections someone chose to do: the model learns P(confirmed | inspected), not the base rate of fraud. The random-audit control group (`ringwatch evaluate`) measures that bias.';

export async function train(db: Database, options: TrainOptions): Promise<TrainOutcome[]> {
  const now = options.now ?? new Date();
  const { config } = options;
  options.onPhase?.('reading inspections');
  const inspections = await readInspections(db, options.scope);
  const active = await activeModels(db);
  const outcomes: TrainOutcome[] = [];
  for (const area of areas) {
    const targets = ['any', ...areaOffences[area]];
    const labelled = targets.map((offence) => {
      const sets = labelSets(inspections, area, offence === 'any' ? undefined : offence);
      return { offence, sets, labels: sets.all };
    });
    const minimum = (offence: string) =>
      offence === 'any' ? config.areas[area].minLabels : config.minOffenceLabels;
    const enough = labelled.filter(({ offence, labels }) => {
      const positives = labels.filter((l) => l.label === 1).length;
      const ok = positives >= minimum(offence) && labels.length - positives >= minimum(offence);
      if (!ok && offence === 'any') {
        outcomes.push({
          area,
          offence,
          trained: false,
          reason: `${positives} confirmed and ${labels.length - positives} unfounded closed inspections; a model needs ${minimum(offence)} of each, so rules alone score this area`,
        });
      }
      return ok;
    });
    if (enough.length === 0) continue;
    options.onPhase?.(`${area}: reading entities`);
    const table = await entityTable(db, area, {
      asOf: options.asOf,
      scope: options.scope,
      tables: options.tables,
    });
    const rules = ruleColumns(table, rulesOf(options.rules.rules, area));
    for (const { offence, sets } of enough) {
      options.onPhase?.(`${area}${offence === 'any' ? '' : ` ${offence}`}: fitting`);
      const model = trainOne(area, offence, sets, table, rules, options, now);
      if (!model) continue;
      await saveModel(db, model);
      const key = `${area}/${offence}`;
      const activated = options.activate ?? !active.has(key);
      if (activated) await activateModel(db, model.version);
      outcomes.push({ area, offence, trained: true, model, activated });
    }
  }
  return outcomes;
}

function trainOne(
  area: Area,
  offence: string,
  allSets: LabelSets,
  table: EntityTable,
  rules: ReadonlyMap<string, Float64Array>,
  options: TrainOptions,
  now: Date,
): TrainedModel | undefined {
  const { config } = options;
  const sets = keepLabels(allSets, (id) => table.index.has(id));
  const labels = sets.all;
  if (labels.length === 0) return undefined;
  const rows = tableRows(table, labels);
  const y = Uint8Array.from(labels, (l) => l.label);
  const candidates = candidateInputs(area, config, table, rules);
  const intrinsic = candidateInputs(area, config, table, rules, 'intrinsic');
  const fitOptions = { l2Grid: config.areas[area].l2Grid, folds: config.folds, seed: config.seed };

  const splitOn = holdoutSplitDate(sets, config);
  const split = splitOn === null ? null : holdoutSplit(sets, splitOn);
  const holdout =
    split === null
      ? null
      : evaluateHoldout({
          area,
          split,
          table,
          candidates,
          intrinsic,
          fitOptions,
          capacity: config.areas[area].capacity,
          caseLabels: config.caseLabels,
        });

  const treatment = labelTreatment(labels, config.caseLabels);
  const fitted = fitModel(candidates, rows, y, fitOptions, treatment);
  const caseLabels = caseLabelSummary(labels, treatment, fitted);
  const closed = labels.map((l) => l.closedOn).sort();
  const origins: Record<string, number> = {};
  for (const l of labels) origins[l.origin] = (origins[l.origin] ?? 0) + 1;
  const fromCases = labels.filter((l) => l.caseId !== null).length;
  const notes = [SELECTION_NOTE];
  if (holdout === null || split === null) {
    notes.push('Too few labels for a time-based hold-out.');
  } else {
    notes.push(fixedHoldoutNote(split, fromCases));
    if (holdout.full.labels < 100) {
      notes.push(
        `Only ${holdout.full.labels} hold-out labels: the AUC interval is wide; read the figures as indicative.`,
      );
    }
  }
  if (!fitted.converged) notes.push('The fit did not converge within 100 Newton steps.');
  const model: TrainedModel = {
    version: `${area}-${offence}-${stamp(now)}`,
    area,
    offence,
    createdAt: now.toISOString(),
    asOf: options.asOf,
    kind: 'logistic-regression-l2',
    inputs: fitted.inputs,
    intercept: fitted.intercept,
    coefficients: fitted.coefficients,
    l2: fitted.l2,
    crossValidation: fitted.crossValidation,
    dropped: fitted.dropped,
    converged: fitted.converged,
    training: {
      labels: labels.length,
      positives: y.reduce((a, b) => a + b, 0),
      firstClosed: closed[0]!,
      lastClosed: closed[closed.length - 1]!,
      dataHash: dataHash(labels, rows, candidates, treatment),
      origins,
      fromCases,
      caseLabels,
    },
    holdout,
    rules: {
      source: options.rules.source,
      hash: options.rules.hash,
      ids: rulesOf(options.rules.rules, area).map((r) => r.id),
    },
    protectedAttributes: [...protectedAttributes],
    notes,
  };
  return trainedModelSchema.parse(model);
}

/** The model card's note on the fixed hold-out and on the labels from closed cases. */
export function fixedHoldoutNote(split: HoldoutSplit, fromCases: number): string {
  const withheld =
    split.caseLabelsWithheld > 0
      ? `; ${split.caseLabelsWithheld} more were left out of the hold-out model because their entity is in the test set, and trained the final model only`
      : '';
  return `The hold-out is fixed to loaded inspections closed on or after ${split.split} (${split.test.length} labels), so versions trained as cases close stay comparable; ${split.caseLabelsTrained} labels from closed cases were used for training only${withheld}. The final model is fit on all ${fromCases > 0 ? `labels, ${fromCases} of them from closed cases` : 'labels'}.`;
}

/**
 * SHA-256 over the training rows: entity id, label, every raw candidate value, and — when some
 * labels are model-chosen (label-treatment.ts) — each row's origin, case and indicator.
 */
function dataHash(
  labels: readonly EntityLabel[],
  rows: readonly number[],
  candidates: readonly CandidateInput[],
  treatment: LabelTreatment,
): string {
  const hash = createHash('sha256');
  hash.update(candidates.map((c) => c.name).join(',') + '\n');
  const chosen = treatment.modelChosen;
  labels.forEach((l, i) => {
    const values = candidates.map((c) => c.raw[rows[i]!]!);
    const extra = chosen ? `,${l.origin},${l.caseId ?? ''},${chosen[i]}` : '';
    hash.update(`${l.subjectId},${l.label},${l.closedOn},${values.join(',')}${extra}\n`);
  });
  return hash.digest('hex');
}
