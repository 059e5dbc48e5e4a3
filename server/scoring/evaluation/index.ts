// The public API of the evaluation library (issue #6): metrics with their intervals, the
// fairness table, recall against a synthetic truth, the charts and the report writer.
export { aucDifference, rocAuc, rocCurve, type AucOptions } from './auc.js';
export {
  bandChart,
  BAND_COLOURS,
  calibrationChart,
  prChart,
  rocChart,
  type CurveSeries,
} from './charts.js';
export {
  DEFAULT_MIN_GROUP_COUNT,
  fairnessTable,
  fairnessTableSchema,
  type FairnessInput,
  type FairnessOptions,
  type FairnessTable,
} from './fairness.js';
export type { Labels, Scores } from './inputs.js';
export {
  LIVE_INDICATIVE_BELOW,
  latestLiveVersion,
  liveAreaSchema,
  liveHitRates,
  liveVersionName,
  type CaseOutcomeCount,
  type LiveArea,
  type LiveBand,
  type LiveGroup,
  type LiveVersion,
} from './live.js';
export * from './metric-schemas.js';
export {
  averagePrecision,
  brierScore,
  calibrationBins,
  hitRateByBand,
  precisionAtK,
  prCurve,
  proportion,
} from './metrics.js';
export {
  caveatsFor,
  compareModels,
  evaluationReportSchema,
  modelMetrics,
  writeEvaluationReport,
  type AreaReport,
  type EvaluationReport,
  type ModelMetrics,
} from './report.js';
export { AREAS, chartFiles, liveChartFile, REPORT_FILES, type Area } from './report-files.js';
export {
  readTruth,
  truthRecall,
  truthRecallSchema,
  type FlaggedEntity,
  type Truth,
  type TruthRecall,
} from './truth-recall.js';
export { wilsonInterval } from './stats.js';
