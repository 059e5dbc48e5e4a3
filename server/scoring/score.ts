// `ringwatch score`: every employer, person and official gets a probability from its area's
// active model (or, where no model could be trained, from the indicator rules alone), a band
// from inspection capacity, and its reasons — written onto the node as risk_… properties.
import type { Database } from '../db/database.js';
import { areas, type Area } from './areas.js';
import { writeBandCounts } from './band-counts.js';
import { assignBands, type Band } from './bands.js';
import { entityValues, entityTable, type EntityTable, type TableCache } from './entity-table.js';
import { addEvidence } from './evidence.js';
import { areaFields } from './fields.js';
import { logit } from './logistic-regression.js';
import { explain, probabilities, type Explanation, type TrainedModel } from './model.js';
import { activeModels } from './model-store.js';
import { buildReasons, storeReasons, topReason, type Reasons } from './reasons.js';
import { ruleColumns, ruleInput, rulesOf } from './rule-columns.js';
import { ruleHit, ruleReads } from './rules/evaluate-rule.js';
import type { Rule } from './rules/rule-schema.js';
import type { AreaConfig, ScoringConfig } from './scoring-config.js';
import { maskedTopReason } from './staff-revealing.js';

/** Prior probability of the rules-only score before any rule fires. */
export const RULES_ONLY_PRIOR = 0.02;

export interface ScoreOptions {
  config: ScoringConfig;
  rules: readonly Rule[];
  asOf: string;
  run?: string;
  now?: Date;
  batchSize?: number;
  /** Entities of the red and orange bands get network evidence looked up (default true). */
  evidence?: boolean;
  /** Only entities whose id starts with this (default: all). */
  scope?: string;
  /** Score with these models (keyed `area/offence`) instead of the active versions. */
  models?: ReadonlyMap<string, TrainedModel>;
  onPhase?: (phase: string, detail?: string) => void;
  /** Tables already read by an earlier step of the same pipeline (entity-table.ts). */
  tables?: TableCache;
}

export interface AreaScoreSummary {
  area: Area;
  entities: number;
  model: string;
  offenceModels: string[];
  bands: Record<Band, number>;
  scopes: number;
  top: { id: string; score: number; reason: string | null }[];
}

export interface ScoreSummary {
  run: string;
  at: string;
  asOf: string;
  areas: AreaScoreSummary[];
  seconds: Record<string, number>;
}

const writeQuery = {
  employer: 'scoring/write-employer-scores',
  beneficiary: 'scoring/write-person-scores',
  internal: 'scoring/write-staff-scores',
} as const satisfies Record<Area, string>;

function rulesOnlyExplanation(
  hits: Float64Array[],
  weights: number[],
  row: number,
  names: string[],
): Explanation {
  const intercept = logit(RULES_ONLY_PRIOR);
  let logOdds = intercept;
  const contributions = names.map((input, r) => {
    const hit = hits[r]![row]!;
    logOdds += hit * weights[r]!;
    return { input, value: hit, contribution: hit * weights[r]! };
  });
  return { probability: 1 / (1 + Math.exp(-logOdds)), logOdds, intercept, contributions };
}

function groupKeys(table: EntityTable, by: readonly ('sector' | 'region')[]): string[] | undefined {
  if (by.length === 0) return undefined;
  return table.ids.map((_, row) =>
    by
      .map((g) => {
        const column = table.category.get(g) ?? table.audit.get(g);
        const v = column?.[row] ?? null;
        return `${g}=${g === 'sector' && v ? v.charAt(0) : (v ?? '?')}`;
      })
      .join('|'),
  );
}

/**
 * Probabilities and bands of every entity of a table, with the functions that explain one row
 * (shared by `score`, which writes them, and `evaluate`, which measures them).
 */
export function scoreTable(
  table: EntityTable,
  areaRules: readonly Rule[],
  models: ReadonlyMap<string, TrainedModel>,
  areaConfig: AreaConfig,
  hits: ReadonlyMap<string, Float64Array> = ruleColumns(table, areaRules),
) {
  const model = models.get(`${table.area}/any`);
  const offenceModels = [...models.values()].filter(
    (m) => m.area === table.area && m.offence !== 'any',
  );
  const raw = (name: string) => table.numeric.get(name) ?? hits.get(name);
  const explainRow = (m: TrainedModel, row: number) =>
    explain(m, (name) => raw(name)?.[row] ?? NaN);
  const ruleNames = [...hits.keys()];
  const ruleHitColumns = [...hits.values()];
  const ruleWeights = areaRules.map((r) => r.weight);
  const explanationOf = (row: number) =>
    model
      ? explainRow(model, row)
      : rulesOnlyExplanation(ruleHitColumns, ruleWeights, row, ruleNames);
  const scores = model
    ? probabilities(model, raw, table.ids.length)
    : Float64Array.from(table.ids, (_, row) => explanationOf(row).probability);
  const banding = assignBands(
    scores,
    table.ids,
    areaConfig.capacity,
    groupKeys(table, areaConfig.bandsBy),
  );
  return { hits, scores, banding, model, offenceModels, raw, explanationOf };
}

export async function score(db: Database, options: ScoreOptions): Promise<ScoreSummary> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const run = options.run ?? `score-${at.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  const models = options.models ?? (await activeModels(db));
  const seconds: Record<string, number> = {};
  const summaries: AreaScoreSummary[] = [];
  for (const area of areas) {
    const started = performance.now();
    options.onPhase?.(`${area}`, 'reading');
    const table = await entityTable(db, area, {
      asOf: options.asOf,
      scope: options.scope,
      tables: options.tables,
      onProgress: (rows) => options.onPhase?.(area, `reading ${rows}`),
    });
    const areaRules = rulesOf(options.rules, area);
    const scored = scoreTable(table, areaRules, models, options.config.areas[area]);
    const { hits, scores, banding, model, offenceModels, raw, explanationOf } = scored;
    // Per-offence probabilities go into every entity's reasons (evaluate does not need them).
    const offenceScores = offenceModels.map((m) => ({
      offence: m.offence,
      scores: probabilities(m, raw, table.ids.length),
    }));
    const fields = areaFields(area);
    const modelName = model?.version ?? 'rules';
    // The rules were evaluated once, into the hit columns: only the fired ones get their reason
    // filled in, and only then are the entity's values gathered.
    const hitColumns = areaRules.map((rule) => hits.get(ruleInput(rule))!);
    const readsOfHits = new Map(areaRules.map((rule) => [ruleInput(rule), ruleReads(rule)]));
    const reasonsOf = (row: number): Reasons => {
      const firedRules = areaRules.filter((_, r) => hitColumns[r]![row] === 1);
      const values = firedRules.length > 0 ? entityValues(table, row) : {};
      const fired = firedRules.map((rule) => ruleHit(rule, values));
      const offences: Record<string, number> = {};
      for (const o of offenceScores) offences[o.offence] = o.scores[row]!;
      return buildReasons(modelName, explanationOf(row), fired, offences, fields, readsOfHits);
    };
    const flagged = new Map<number, Reasons>();
    for (let row = 0; row < table.ids.length; row++) {
      const b = banding.band[row];
      if (b === 'red' || b === 'orange') flagged.set(row, reasonsOf(row));
    }
    if (options.evidence !== false && flagged.size > 0) {
      options.onPhase?.(area, `evidence for ${flagged.size} red and orange`);
      await addEvidence(db, area, table, flagged);
    }

    options.onPhase?.(area, 'writing');
    // 10 000 rows a transaction: a fifth of the commits of 2 000, half the database's time.
    const batchSize = options.batchSize ?? 10_000;
    let batch: Parameters<typeof toRow>[0][] = [];
    const pending: Promise<unknown>[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch.map(toRow);
      batch = [];
      pending.push(db.write(writeQuery[area], { rows, run, at }));
      if (pending.length >= 2) await pending.shift();
    };
    for (let row = 0; row < table.ids.length; row++) {
      batch.push({
        id: table.ids[row]!,
        score: scores[row]!,
        band: banding.band[row]!,
        rank: banding.rank[row]!,
        scope: banding.scope[row]!,
        model: modelName,
        reasons: flagged.get(row) ?? reasonsOf(row),
      });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await Promise.all(pending);
    options.onPhase?.(area, 'band counts');
    await writeBandCounts(db, area, { run, at });

    const order = [...table.ids.keys()].sort((a, b) => scores[b]! - scores[a]!);
    const counts: Record<Band, number> = { red: 0, orange: 0, green: 0, blue: 0 };
    for (const b of banding.band) counts[b]++;
    summaries.push({
      area,
      entities: table.ids.length,
      model: modelName,
      offenceModels: offenceModels.map((m) => m.version),
      bands: counts,
      scopes: banding.scopes.size,
      top: order.slice(0, 5).map((row) => ({
        id: table.ids[row]!,
        score: scores[row]!,
        reason: topReason(flagged.get(row) ?? reasonsOf(row)),
      })),
    });
    seconds[area] = Math.round(performance.now() - started) / 1000;
  }
  return { run, at, asOf: options.asOf, areas: summaries, seconds };
}

function toRow(entry: {
  id: string;
  score: number;
  band: Band;
  rank: number;
  scope: string;
  model: string;
  reasons: Reasons;
}) {
  const offences = new Set<string>();
  for (const r of entry.reasons.rules) for (const o of r.offences) offences.add(o);
  for (const [o, p] of Object.entries(entry.reasons.offences)) if (p >= 0.5) offences.add(o);
  return {
    id: entry.id,
    score: entry.score,
    band: entry.band,
    rank: entry.rank,
    scope: entry.scope,
    model: entry.model,
    reasons: storeReasons(entry.reasons),
    topReason: topReason(entry.reasons),
    // What viewers who may not see officials get instead (staff-revealing.ts).
    maskedTopReason: maskedTopReason(entry.reasons),
    offences: [...offences].sort(),
  };
}
