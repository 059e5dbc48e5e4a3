// The case queue as the explorer reads it from /api/cases (server/cases/case-schema.ts and
// list-cases.ts hold the schemas; the web may not import server code, so the fields it uses are
// written here), and the closed vocabularies it offers in forms and filters.
import { OFFENCES, ORIGINS } from '../../../contract/enums.js';
import type { Band } from '../ui/band.js';

export const caseStatuses = ['new', 'assigned', 'in_progress', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const statusNames: Record<CaseStatus, string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  closed: 'Closed',
};

export const offences = OFFENCES;
export type Offence = (typeof OFFENCES)[number];
export const origins = ORIGINS;
export type Origin = (typeof ORIGINS)[number];
export type Outcome = 'confirmed' | 'unfounded';
export type EntityType = 'employer' | 'person' | 'staff';

export const entityLabels: Record<EntityType, string> = {
  employer: 'Employer',
  person: 'Person',
  staff: 'Staff',
};

export const manualMeasures = ['visit', 'letter', 'interview', 'document_request'] as const;
export const automaticMeasures = [
  'suspend_payment',
  'block_registration',
  'recover_contributions',
] as const;
export type MeasureKind = (typeof manualMeasures)[number] | (typeof automaticMeasures)[number];

/** `phoenix` → "phoenix", `in_progress` → "in progress": enum values read as words. */
export const words = (value: string): string => value.replaceAll('_', ' ');

/** A snapshot's model version in words: scoring writes `rules` (or nothing) without a model. */
export const modelName = (version: string | null): string =>
  version === null || version === 'rules' ? 'rules only' : version;

/** The network page's address for entities (`/network?nodes=Employer:E1,Person:P2`). */
export function networkHref(entities: readonly { type: EntityType; id: string }[]): string {
  // Ids are letters, digits and _ . - (the contract): nothing to escape.
  return `/network?nodes=${entities.map((e) => `${entityLabels[e.type]}:${e.id}`).join(',')}`;
}

export interface EntityRef {
  type: EntityType;
  id: string;
}

export interface CaseSummary {
  id: string;
  version: number;
  title: string;
  status: CaseStatus;
  origin: Origin;
  subject: EntityRef;
  entityCount: number;
  band: Band | null;
  score: number | null;
  modelVersion: string | null;
  sector: string | null;
  region: string | null;
  offence: Offence | null;
  communityId: string | null;
  assignee: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  closedAt: string | null;
  outcome: Outcome | null;
  recoveredEur: number | null;
}

export interface CaseList {
  items: CaseSummary[];
  counts: Record<CaseStatus, number>;
  nextCursor: string | null;
}

export interface CaseEntity extends EntityRef {
  label: string;
  snapshot: {
    score: number | null;
    band: Band | null;
    modelVersion: string | null;
    topReason: string | null;
  };
}

export interface CaseEvent {
  seq: number;
  at: string;
  by: string;
  kind:
    'created' | 'assigned' | 'taken' | 'started' | 'released' | 'comment' | 'measure' | 'closed';
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  assignee: string | null;
  text: string | null;
  measure: { kind: string; mode: 'manual' | 'automatic'; status: string } | null;
}

export interface CaseDetail extends CaseSummary {
  note: string | null;
  closeNote: string | null;
  closedBy: string | null;
  entities: CaseEntity[];
  hiddenEntities: number;
  events: CaseEvent[];
  inspections: {
    id: string;
    subject: EntityRef;
    outcome: Outcome;
    offence: Offence;
    recoveredEur: number;
  }[];
}

/** What closing sends (POST /api/cases/:id/close). */
export interface CloseInput {
  version: number;
  outcome: Outcome;
  offence?: Offence;
  recoveredEur: number;
  note?: string;
  entities?: (EntityRef & { outcome: Outcome; offence?: Offence })[];
}

/** One webhook delivery of a case event (GET /api/cases/deliveries). */
export interface Delivery {
  id: string;
  event: string;
  caseId: string;
  status: 'pending' | 'delivered' | 'failed';
  attemptsTotal: number;
  createdAt: string;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  failedAt: string | null;
}
