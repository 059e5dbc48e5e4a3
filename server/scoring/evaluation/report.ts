// The evaluation report of `ringwatch evaluate`: its schema (the JSON a skeptic can re-read
// and re-check), the helper that computes one model's ranking metrics, the caveats that follow
// from the numbers, and the writer of report.json, report.md and the SVG charts.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { aucDifference, rocAuc, rocCurve } from './auc.js';
import { bandChart, calibrationChart, prChart, rocChart } from './charts.js';
import { fairnessTableSchema } from './fairness.js';
import { latestLiveVersion, liveAreaSchema } from './live.js';
import { liveChart } from './live-chart.js';
import type { Labels, Scores } from './inputs.js';
import {
  aucDifferenceSchema,
  aucSchema,
  bandHitRatesSchema,
  calibrationSchema,
  estimateSchema,
  precisionAtKSchema,
  prCurveSchema,
  proportionSchema,
  rocCurveSchema,
} from './metric-schemas.js';
import { averagePrecision, precisionAtK, prCurve } from './metrics.js';
import { AREAS, areaTitle, chartFiles, liveChartFile, REPORT_FILES } from './report-files.js';
import { renderMarkdown } from './report-markdown.js';
import { truthRecallSchema } from './truth-recall.js';
import { versionComparisonSchema } from './versions.js';

const count = () => z.number().int().min(0);
const isoDate = () => z.iso.date();

/** Ranking metrics of one scoring on the hold-out labels. */
export const modelMetricsSchema = z.object({
  auc: aucSchema,
  averagePrecision: estimateSchema,
  precisionAtCapacity: precisionAtKSchema,
  roc: rocCurveSchema,
  pr: prCurveSchema,
});
export type ModelMetrics = z.infer<typeof modelMetricsSchema>;

export const areaReportSchema = z.object({
  area: z.enum(AREAS),
  modelVersion: z.string().min(1),
  /** The model trained on intrinsic features only (no network features), if evaluated. */
  intrinsicModelVersion: z.string().nullable(),
  holdout: z.object({
    /**
     * Trained on inspections closed before this date (and on outcomes of closed cases), tested
     * on the loaded inspections closed on or after it: a test set closing cases does not change.
     */
    splitDate: isoDate(),
    train: z.object({ labels: count(), positives: count() }),
    /** Outcomes of closed cases: in the hold-out model's training, or withheld (test entities). */
    caseLabels: z.object({ trained: count(), withheld: count() }),
    test: z.object({
      labels: count(),
      positives: count(),
      /** First and last closing date of the test inspections. */
      from: isoDate().nullable(),
      to: isoDate().nullable(),
    }),
  }),
  /** Inspections the inspectorate can do: the k of precision at capacity. */
  capacity: count(),
  full: modelMetricsSchema,
  intrinsic: modelMetricsSchema.nullable(),
  /** AUC(full) − AUC(intrinsic only): what the network adds, with the paired DeLong test. */
  aucGain: aucDifferenceSchema.nullable(),
  bands: bandHitRatesSchema,
  /** Hit rate of the random_audit inspections of the test window: the unbiased prevalence. */
  controlGroup: proportionSchema,
  /** Hit rate of the risk_model inspections of the test window. */
  modelDriven: proportionSchema,
  calibration: calibrationSchema,
  fairness: z.array(fairnessTableSchema),
});
export type AreaReport = z.infer<typeof areaReportSchema>;

export const evaluationReportSchema = z.object({
  /** 2: holdout.caseLabels and the live hit rates (issue #8); 3: versions. */
  schemaVersion: z.literal(3),
  title: z.string().min(1),
  /** ISO 8601 timestamp; given by the caller so the report is reproducible. */
  generatedAt: z.string().min(1),
  /** The data set evaluated on, in words (folder, extraction date…). */
  dataset: z.string().nullable(),
  areas: z.array(areaReportSchema).min(1),
  /** Only with --truth on a synthetic data set. */
  truth: truthRecallSchema.nullable(),
  /** Model versions side by side, per area with two or more (or any, with a truth). */
  versions: z.array(versionComparisonSchema),
  /** Live hit rates from closed cases, one entry per area (empty versions: none closed yet). */
  live: z.array(liveAreaSchema).length(AREAS.length),
  /** Caveats and remarks, shown verbatim under "Caveats" (see caveatsFor). */
  notes: z.array(z.string()),
});
export type EvaluationReport = z.infer<typeof evaluationReportSchema>;

/** ROC AUC with its interval, average precision, precision at capacity and both curves. */
export function modelMetrics(scores: Scores, labels: Labels, capacity: number): ModelMetrics {
  return {
    auc: rocAuc(scores, labels),
    averagePrecision: averagePrecision(scores, labels),
    precisionAtCapacity: precisionAtK(scores, labels, capacity),
    roc: rocCurve(scores, labels),
    pr: prCurve(scores, labels),
  };
}

/** The full model's metrics, the intrinsic-only model's and the AUC gain between them. */
export function compareModels(
  full: Scores,
  intrinsic: Scores | null,
  labels: Labels,
  capacity: number,
): Pick<AreaReport, 'full' | 'intrinsic' | 'aucGain'> {
  return {
    full: modelMetrics(full, labels, capacity),
    intrinsic: intrinsic && modelMetrics(intrinsic, labels, capacity),
    aucGain: intrinsic && aucDifference(full, intrinsic, labels),
  };
}

/** Below this many labels of a class, intervals are called wide in the caveats. */
export const SMALL_SAMPLE = 100;

/** The caveats that follow from an area's numbers, in words, for the report's notes. */
export function caveatsFor(area: AreaReport): string[] {
  const out: string[] = [];
  const { labels, positives } = area.holdout.test;
  const name = area.area;
  if (labels < SMALL_SAMPLE || positives < 20 || labels - positives < 20) {
    out.push(
      `${name}: ${labels} test labels (${positives} confirmed); the intervals are wide and approximate — read differences between models and bands with them, not without.`,
    );
  }
  const ci = area.full.auc.interval;
  if (area.full.auc.value !== null && ci && ci.upper - ci.lower < 1e-9) {
    out.push(
      `${name}: the AUC interval has zero width because the classes are perfectly separated in the test set; that is a small-sample artefact, not certainty.`,
    );
  }
  if (area.controlGroup.n < 30) {
    out.push(
      `${name}: only ${area.controlGroup.n} random-audit inspections in the test window, so the control group's hit rate is a rough guide to prevalence.`,
    );
  }
  for (const why of [area.full.auc.reason, area.full.averagePrecision.reason]) {
    if (why) out.push(`${name}: ${why}.`);
  }
  if (area.full.precisionAtCapacity.k < area.capacity) {
    out.push(
      `${name}: capacity ${area.capacity} exceeds the ${area.full.precisionAtCapacity.k} labelled test entities; precision at capacity is over all of them.`,
    );
  }
  return out;
}

function charts(a: AreaReport): Record<keyof ReturnType<typeof chartFiles>, string> {
  const auc = (m: ModelMetrics) => (m.auc.value === null ? 'n/a' : m.auc.value.toFixed(3));
  const ap = (m: ModelMetrics) =>
    m.averagePrecision.value === null ? 'n/a' : m.averagePrecision.value.toFixed(3);
  const title = areaTitle(a.area);
  const roc = [{ label: `full model (AUC ${auc(a.full)})`, points: a.full.roc.points }];
  const pr = [{ label: `full model (AP ${ap(a.full)})`, points: a.full.pr.points }];
  if (a.intrinsic) {
    roc.push({ label: `intrinsic only (AUC ${auc(a.intrinsic)})`, points: a.intrinsic.roc.points });
    pr.push({ label: `intrinsic only (AP ${ap(a.intrinsic)})`, points: a.intrinsic.pr.points });
  }
  return {
    roc: rocChart(roc, `${title}: ROC curve`),
    pr: prChart(pr, a.full.pr.baseRate, `${title}: precision–recall curve`),
    calibration: calibrationChart(a.calibration, `${title}: calibration`),
    bands: bandChart(a.bands, a.controlGroup, `${title}: hit rate per band`),
  };
}

/**
 * Validates `report` against evaluationReportSchema and writes, into `dir` (created if
 * needed): report.json, report.md, four SVG charts per area (ROC, PR, calibration, bands) and
 * a live hit-rate chart per area with closed cases.
 * Returns the paths written.
 */
export async function writeEvaluationReport(
  report: EvaluationReport,
  dir: string,
): Promise<string[]> {
  const parsed = evaluationReportSchema.safeParse(report);
  if (!parsed.success) {
    const why = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new Error(
      `evaluation: the report does not match its schema (${why}); fix the caller that built it`,
    );
  }
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const write = async (name: string, text: string) => {
    const file = path.join(dir, name);
    await writeFile(file, text, 'utf8');
    written.push(file);
  };
  await write(REPORT_FILES.json, `${JSON.stringify(parsed.data, null, 2)}\n`);
  for (const area of parsed.data.areas) {
    const files = chartFiles(area.area);
    const svgs = charts(area);
    for (const key of Object.keys(files) as (keyof typeof files)[])
      await write(files[key], svgs[key]);
  }
  for (const live of parsed.data.live) {
    const latest = latestLiveVersion(live);
    if (latest) {
      const title = `${areaTitle(live.area)}: live hit rate per band`;
      await write(liveChartFile(live.area), liveChart(latest, title));
    }
  }
  await write(REPORT_FILES.markdown, renderMarkdown(parsed.data));
  return written;
}
