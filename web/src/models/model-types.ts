// The model versions as GET /api/models answers (server/api/model-routes.ts holds the schema;
// the fields the page uses are written here, as the web may not import server code).
import type { Band } from '../ui/band.js';

export type ModelArea = 'employer' | 'beneficiary' | 'internal';
export const areaNames: Record<ModelArea, string> = {
  employer: 'Employers',
  beneficiary: 'Beneficiaries',
  internal: 'Internal fraud (staff)',
};

export interface HoldoutMetrics {
  labels: number;
  positives: number;
  rocAuc: number | null;
  rocAucInterval: [number, number] | null;
  prAuc: number | null;
  baseRate: number | null;
  redPrecision: number | null;
  brier: number | null;
}

export interface Interval {
  lower: number;
  upper: number;
  level: number;
}

export interface LiveBand {
  band: Band;
  closed: number;
  confirmed: number;
  rate: number | null;
  interval: Interval | null;
  lift: number | null;
  indicative: boolean;
}

export interface LiveGroup {
  bands: LiveBand[];
  unbanded: number;
  overall: { n: number; hits: number; rate: number | null; interval: Interval | null };
}

export interface LiveVersion {
  modelVersion: string | null;
  firstClosed: string;
  lastClosed: string;
  modelDriven: LiveGroup;
  controlGroup: LiveGroup;
  otherOrigins: number;
}

export interface ModelVersion {
  version: string;
  area: ModelArea;
  offence: string;
  active: boolean;
  createdAt: string;
  asOf: string;
  l2: number;
  converged: boolean;
  training: {
    labels: number;
    positives: number;
    firstClosed: string;
    lastClosed: string;
    origins: Record<string, number>;
    fromCases: number;
  };
  intercept: number;
  inputs: {
    name: string;
    kind: 'intrinsic' | 'network' | 'rule';
    transform: string;
    coefficient: number;
  }[];
  dropped: string[];
  holdout: {
    splitDate: string;
    train: { labels: number; positives: number };
    full: HoldoutMetrics;
    intrinsicOnly: HoldoutMetrics;
  } | null;
  notes: string[];
  live: LiveVersion | null;
}

export interface Models {
  models: ModelVersion[];
  rulesOnly: { area: ModelArea; live: LiveVersion }[];
  liveHidden: ModelArea[];
}
