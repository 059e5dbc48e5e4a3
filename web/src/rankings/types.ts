// What GET /api/rankings and GET /api/entities/:type/:id answer, as the explorer reads it (the
// server's zod schemas in server/views/rankings.ts and entity.ts are the authority; the OpenAPI
// document describes the same). Only the fields the pages use.
import type { Band } from '../ui/band.js';

export interface BandCounts {
  red: number;
  orange: number;
  green: number;
  blue: number;
  total: number;
}

export interface RankingItem {
  type: string;
  id: string;
  label: string;
  score: number;
  band: Band;
  rank: number | null;
  topReason: string | null;
  offences: string[];
  sector: string | null;
  region: string | null;
  status: string | null;
  scope: string | null;
  model: string | null;
}

export interface Rankings {
  items: RankingItem[];
  nextCursor: string | null;
  counts: BandCounts;
  scoredAt: string | null;
  run: string | null;
}

export interface Contribution {
  input: string;
  description: string;
  value: number | null;
  contribution: number;
}

export interface RuleFired {
  id: string;
  reason: string;
  offences: string[];
  pattern: string;
  weight: number;
}

export interface Evidence {
  feature: string;
  text: string;
  entities: { type: string; id: string }[];
}

export interface Reasons {
  model: string;
  probability: number;
  logOdds: number;
  intercept: number;
  contributions: Contribution[];
  otherContributions: number;
  rules: RuleFired[];
  offences: Record<string, number>;
  evidence: Evidence[];
}

export interface EntityScore {
  score: number;
  band: Band | null;
  rank: number | null;
  scope: string | null;
  model: string | null;
  offences: string[];
  topReason: string | null;
  reasons: Reasons | null;
  run: string | null;
  at: string | null;
}

export type Value = string | number | boolean | null;

export interface EntityFeature {
  name: string;
  value: Value;
  description: string | null;
  unit: string | null;
}

/** A relation type of which the entity page shows only the most recent. */
export interface TimelineCut {
  relation: string;
  shown: number;
  total: number;
  /** Continues it through GET /api/entities/:type/:id/timeline; null: no paging. */
  nextCursor: string | null;
}

/** GET /api/entities/:type/:id/timeline: one page of older events of one relation type. */
export interface TimelinePage {
  relation: string;
  /** Newest first. */
  events: TimelineEvent[];
  nextCursor: string | null;
}

export interface TimelineEvent {
  date: string | null;
  endDate: string | null;
  kind: string;
  summary: string;
  relation: string | null;
  other: { type: string; id: string; label: string } | null;
}

export interface Inspection {
  id: string;
  openedOn: string | null;
  closedOn: string | null;
  offence: string | null;
  outcome: string | null;
  origin: string | null;
  recoveredEur: number | null;
}

export interface EntityCase {
  id: string;
  status: string | null;
  title: string | null;
  note: string | null;
  createdAt: string | null;
}

export interface EntityRef {
  id: string;
  label: string;
}

export interface EntityDetail {
  type: string;
  id: string;
  label: string;
  properties: Record<string, Value>;
  features: EntityFeature[];
  featuresRun: { run: string | null; at: string | null } | null;
  score: EntityScore | null;
  inspections: Inspection[];
  cases: EntityCase[];
  timeline: TimelineEvent[];
  timelineTruncated: TimelineCut[];
  person: EntityRef | null;
  staff: EntityRef[];
  claimsProcessed: number | null;
  notes: string[];
}

/** POST /api/cases answers the new case (only what the page links to). */
export interface CreatedCase {
  case: { id: string; title: string; status: string };
  controlCasesDrawn: number;
  notes: string[];
}
