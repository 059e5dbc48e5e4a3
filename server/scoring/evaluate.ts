// `ringwatch evaluate`: the evidence a skeptic asks for. Per area, the fixed time-based hold-out
// (holdout-split.ts, holdout.ts) with and without the network features, precision at capacity,
// hit rate per band against the base rate, the random-audit control group and the model-driven
// inspections of the test window, calibration, and fairness tables; the live hit rates of closed
// cases per model version and band next to their control group (evaluation/live.ts); with a
// synthetic truth folder, recall and decoys per planted pattern of the current scores, and the
// model versions side by side on the fixed hold-out and, with a truth, on the entities none
// learnt from (evaluation/versions.ts).
// Written by the evaluation library.
import type { Database } from '../db/database.js';
import { BadInputError, NotFoundError, RingwatchError } from '../errors.js';
import { areaSubject, areas, type Area } from './areas.js';
import { auditGroups } from './audit-groups.js';
import { capacityCount } from './bands.js';
import { candidateInputs } from './candidates.js';
import { entityTable, type EntityTable, type TableCache } from './entity-table.js';
import {
  calibrationBins,
  caveatsFor,
  liveHitRates,
  compareModels,
  fairnessTable,
  hitRateByBand,
  proportion,
  readTruth,
  truthRecall,
  type AreaReport,
  type EvaluationReport,
  type FlaggedEntity,
  type Truth,
} from './evaluation/index.js';
import { compareVersions, type VersionComparison } from './evaluation/versions.js';
import { culpable } from '../cases/simulate-cases.js';
import { holdoutPredictions } from './holdout.js';
import { holdoutSplit, holdoutSplitDate, keepLabels, labelSets } from './holdout-split.js';
import { readInspections } from './labels.js';
import { readCaseOutcomes } from './case-outcomes.js';
import { activeModels, listModels, type StoredModel } from './model-store.js';
import { ruleColumns, rulesOf } from './rule-columns.js';
import type { Rule } from './rules/rule-schema.js';
import { scoreTable } from './score.js';
import type { AreaConfig, ScoringConfig } from './scoring-config.js';

/** No area has closed inspections on both sides of a split date (a small or young data set). */
export class NothingToEvaluateError extends RingwatchError {
  override name = 'NothingToEvaluateError';
}

export interface EvaluateOptions {
  config: ScoringConfig;
  rules: readonly Rule[];
  asOf: string;
  truthDir?: string;
  /** The truth already read (instead of truthDir). */
  truth?: Truth;
  /** Versions compared (default: the latest five, always with the active one). */
  versions?: readonly string[];
  dataset?: string;
  now?: Date;
  /** Only entities whose id starts with this (default: all). */
  scope?: string;
  onPhase?: (phase: string) => void;
  /** Tables already read by an earlier step of the same pipeline (entity-table.ts). */
  tables?: TableCache;
}

export async function evaluate(db: Database, options: EvaluateOptions): Promise<EvaluationReport> {
  const { config } = options;
  const inspections = await readInspections(db, options.scope);
  const models = await activeModels(db);
  const truth = options.truth ?? (options.truthDir ? await readTruth(options.truthDir) : null);
  const stored = await listModels(db);
  checkVersions(stored, options.versions);
  const guilty = truth ? new Set(culpable(truth).keys()) : new Set<string>();
  const versions: VersionComparison[] = [];
  const reports: AreaReport[] = [];
  const notes: string[] = [];
  const flagged: FlaggedEntity[] = [];
  for (const area of areas) {
    options.onPhase?.(`${area}: reading entities`);
    const table = await entityTable(db, area, {
      asOf: options.asOf,
      scope: options.scope,
      tables: options.tables,
    });
    const areaRules = rulesOf(options.rules, area);
    const areaConfig = config.areas[area];
    const rules = ruleColumns(table, areaRules);
    if (truth) {
      // The truth section measures the current scores: what inspectors see now.
      const current = scoreTable(table, areaRules, models, areaConfig, rules);
      table.ids.forEach((id, row) => {
        const band = current.banding.band[row]!;
        if (band === 'red' || band === 'orange') {
          flagged.push({ entityType: areaSubject[area], entityId: id, band });
        }
      });
    }

    const compared = versionsToCompare(stored, area, options.versions);
    if (compared.length >= (truth ? 1 : 2)) {
      options.onPhase?.(`${area}: versions side by side`);
      versions.push(
        compareAreaVersions(
          compared,
          { table, areaRules, areaConfig, rules },
          truth && {
            labelled: new Set(inspections.filter((i) => i.area === area).map((i) => i.subjectId)),
            culpable: guilty,
          },
        ),
      );
    }

    const sets = keepLabels(labelSets(inspections, area), (id) => table.index.has(id));
    const splitOn = holdoutSplitDate(sets, config);
    const split = splitOn === null ? null : holdoutSplit(sets, splitOn);
    options.onPhase?.(`${area}: hold-out`);
    const p =
      split === null
        ? null
        : holdoutPredictions({
            area,
            split,
            table,
            candidates: candidateInputs(area, config, table, rules),
            intrinsic: candidateInputs(area, config, table, rules, 'intrinsic'),
            fitOptions: { l2Grid: areaConfig.l2Grid, folds: config.folds, seed: config.seed },
            capacity: areaConfig.capacity,
            caseLabels: config.caseLabels,
          });
    if (!p) {
      notes.push(
        `${area}: ${sets.all.length} labelled entities — too few confirmed and unfounded on both sides of a split date for a hold-out; not evaluated.`,
      );
      continue;
    }
    const testRows = p.testRows;
    const full = testRows.map((r) => p.full.scores[r]!);
    const intrinsic = testRows.map((r) => p.intrinsicOnly.scores[r]!);
    const redShare = capacityCount(areaConfig.capacity.red, table.ids.length) / table.ids.length;
    const capacity = Math.max(1, Math.round(redShare * p.testLabels.length));
    const testLabels = p.test;
    const byOrigin = (origin: string) => {
      const picked = testLabels.filter((l) => l.origin === origin);
      return proportion(picked.filter((l) => l.label === 1).length, picked.length);
    };
    const closed = testLabels.map((l) => l.closedOn).sort();
    const labelOf = new Map(testRows.map((row, k) => [row, p.testLabels[k]!]));
    const fairness = [...auditGroups(table, area)].map(([name, column]) =>
      fairnessTable(
        name,
        table.ids.map((_, row) => ({
          group: column[row] ?? null,
          flagged: p.full.bands[row] === 'red' || p.full.bands[row] === 'orange',
          label: labelOf.get(row) ?? null,
        })),
      ),
    );
    const report: AreaReport = {
      area: areaSubject[area],
      modelVersion:
        models.get(`${area}/any`)?.version ?? `hold-out model (trained before ${p.split})`,
      intrinsicModelVersion: 'hold-out model on intrinsic inputs only',
      holdout: {
        splitDate: p.split.slice(0, 10),
        train: p.train,
        caseLabels: p.caseLabels,
        test: {
          labels: p.testLabels.length,
          positives: p.testLabels.filter(Boolean).length,
          from: closed[0]?.slice(0, 10) ?? null,
          to: closed[closed.length - 1]?.slice(0, 10) ?? null,
        },
      },
      capacity,
      ...compareModels(full, intrinsic, p.testLabels, capacity),
      bands: hitRateByBand(
        testRows.map((r) => p.full.bands[r]!),
        p.testLabels,
      ),
      controlGroup: byOrigin('random_audit'),
      modelDriven: byOrigin('risk_model'),
      calibration: calibrationBins(full, p.testLabels, 10, 'quantile'),
      fairness,
    };
    reports.push(report);
    notes.push(...caveatsFor(report));
  }
  if (reports.length === 0) {
    throw new NothingToEvaluateError(
      'evaluate: no area has enough closed inspections on both sides of a split date to evaluate; load inspections (or close cases) first',
    );
  }
  options.onPhase?.('live hit rates');
  const live = liveHitRates(await readCaseOutcomes(db, options.scope));
  return {
    schemaVersion: 3,
    title: 'ringwatch model evaluation',
    generatedAt: (options.now ?? new Date()).toISOString(),
    dataset: options.dataset ?? `features as of ${options.asOf}`,
    areas: reports,
    truth: truth ? truthRecall(flagged, truth) : null,
    versions,
    live,
    notes,
  };
}

interface AreaScoring {
  table: EntityTable;
  areaRules: readonly Rule[];
  areaConfig: AreaConfig;
  rules: ReadonlyMap<string, Float64Array>;
}

/**
 * One area's versions side by side: each on the fixed hold-out (its stored predictions) and,
 * with a truth, scored on the area's entities as `score` would with that version alone.
 * `culpable` is keyed `type:id` (simulate-cases.ts).
 */
function compareAreaVersions(
  compared: readonly StoredModel[],
  { table, areaRules, areaConfig, rules }: AreaScoring,
  truth: { labelled: ReadonlySet<string>; culpable: ReadonlySet<string> } | null,
): VersionComparison {
  const subject = areaSubject[table.area];
  return compareVersions({
    area: subject,
    versions: compared.map(({ model, active }) => ({
      version: model.version,
      createdAt: model.createdAt,
      active,
      trainingLabels: model.training.labels,
      holdout: model.holdout?.predictions ?? [],
      ...(truth && {
        scores: scoreTable(
          table,
          areaRules,
          new Map([[`${table.area}/any`, model]]),
          areaConfig,
          rules,
        ).scores,
      }),
    })),
    ...(truth && {
      truth: {
        ids: table.ids,
        labelled: truth.labelled,
        culpable: new Set(table.ids.filter((id) => truth.culpable.has(`${subject}:${id}`))),
        capacity: capacityCount(areaConfig.capacity.red, table.ids.length),
      },
    }),
  });
}

/** At most this many versions per area by default: the latest ones, always with the active one. */
const DEFAULT_VERSIONS = 5;

/**
 * The all-offence versions of an area to compare, oldest first: the ones asked
 * for, or the latest five with the active one among them (a version just trained and not yet
 * activated is compared with the one in use).
 */
function versionsToCompare(
  stored: readonly StoredModel[],
  area: Area,
  asked: readonly string[] | undefined,
): StoredModel[] {
  const ofArea = stored
    .filter((s) => s.model.area === area && s.model.offence === 'any')
    .sort((a, b) => a.model.createdAt.localeCompare(b.model.createdAt));
  if (asked) return ofArea.filter((s) => asked.includes(s.model.version));
  const latest = ofArea.slice(-DEFAULT_VERSIONS);
  const active = ofArea.find((s) => s.active);
  if (!active || latest.includes(active)) return latest;
  return [active, ...latest.slice(1)];
}

function checkVersions(stored: readonly StoredModel[], asked: readonly string[] | undefined): void {
  for (const version of asked ?? []) {
    const found = stored.find((s) => s.model.version === version);
    if (!found) {
      throw new NotFoundError(
        `evaluate: there is no model version ${version}; \`ringwatch model list\` shows them`,
      );
    }
    if (found.model.offence !== 'any') {
      throw new BadInputError(
        `evaluate: ${version} is a model for one offence (${found.model.offence}); versions are compared with the area's all-offence models`,
      );
    }
  }
}

export type { Area };
