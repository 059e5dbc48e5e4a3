// What a case is, as the API and the command line see it: the inputs that create and change
// one, and the case as it is read back (a list item, and the whole case with its history).
// The graph holds the same fields as (:Case) properties (case-store.ts).
import { z } from 'zod';
import { OFFENCES, ORIGINS } from '../../contract/enums.js';
import { BandSchema } from '../views/graph-shape.js';
import { EntityIdSchema, EntityTypeSchema } from '../views/entity-types.js';
import { CaseStatusSchema } from './case-states.js';

/** At most this many entities in one case: a ring, not a whole city. */
export const MAX_CASE_ENTITIES = 200;

export const OffenceSchema = z.enum(OFFENCES);
export const OriginSchema = z.enum(ORIGINS);
/** How a user may say a case was chosen; `random_audit` is only ever drawn by the control group. */
export const ChosenOriginSchema = OriginSchema.exclude(['random_audit']);
export const OutcomeSchema = z.enum(['confirmed', 'unfounded']);
export const VersionSchema = z.number().int().min(1);

export const EntityRefSchema = z.object({ type: EntityTypeSchema, id: EntityIdSchema });
export type EntityRef = z.infer<typeof EntityRefSchema>;

const text = (max: number) => z.string().trim().max(max);

export const CreateCaseInputSchema = z
  .object({
    entities: z.array(EntityRefSchema).min(1).max(MAX_CASE_ENTITIES).optional(),
    communityId: EntityIdSchema.optional(),
    title: text(200).optional(),
    note: text(4000).optional(),
    /** The offence suspected; the one found is recorded at closing. */
    offence: OffenceSchema.exclude(['none']).optional(),
    origin: ChosenOriginSchema.default('risk_model'),
  })
  .strict()
  .refine((v) => (v.entities === undefined) !== (v.communityId === undefined), {
    message: 'give either entities or communityId',
    path: ['entities'],
  });
export type CreateCaseInput = z.input<typeof CreateCaseInputSchema>;

export const CaseEntitySchema = z.object({
  type: EntityTypeSchema,
  id: z.string(),
  label: z.string(),
  /** The risk when the case was created: what made someone look. */
  snapshot: z.object({
    score: z.number().nullable(),
    band: BandSchema.nullable(),
    modelVersion: z.string().nullable(),
    topReason: z.string().nullable(),
  }),
});
export type CaseEntity = z.infer<typeof CaseEntitySchema>;

export const CaseSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  status: CaseStatusSchema,
  origin: OriginSchema,
  subject: z.object({ type: EntityTypeSchema, id: z.string() }),
  entityCount: z.number().int(),
  band: BandSchema.nullable(),
  score: z.number().nullable(),
  modelVersion: z.string().nullable(),
  sector: z.string().nullable(),
  region: z.string().nullable(),
  offence: OffenceSchema.nullable(),
  communityId: z.string().nullable(),
  assignee: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  outcome: OutcomeSchema.nullable(),
  recoveredEur: z.number().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  by: z.string(),
  kind: z.enum([
    'created',
    'assigned',
    'taken',
    'started',
    'released',
    'comment',
    'measure',
    'closed',
  ]),
  fromStatus: CaseStatusSchema.nullable(),
  toStatus: CaseStatusSchema.nullable(),
  assignee: z.string().nullable(),
  text: z.string().nullable(),
  measure: z
    .object({ kind: z.string(), mode: z.enum(['manual', 'automatic']), status: z.string() })
    .nullable(),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  note: z.string().nullable(),
  closeNote: z.string().nullable(),
  closedBy: z.string().nullable(),
  entities: z.array(CaseEntitySchema),
  /** Entities of the case this user may not see (officials, for all but internal fraud). */
  hiddenEntities: z.number().int(),
  events: z.array(CaseEventSchema),
  /** The inspections (labels) written when the case was closed. */
  inspections: z.array(
    z.object({
      id: z.string(),
      subject: z.object({ type: EntityTypeSchema, id: z.string() }),
      outcome: OutcomeSchema,
      offence: OffenceSchema,
      recoveredEur: z.number(),
    }),
  ),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const CreatedCasesSchema = z.object({
  case: CaseDetailSchema,
  /** Control-group cases drawn at random alongside (only the count: they are someone else's). */
  controlCasesDrawn: z.number().int(),
  notes: z.array(z.string()),
});
export type CreatedCases = z.infer<typeof CreatedCasesSchema>;

export const VersionedSchema = z.object({ version: VersionSchema }).strict();

export const AssignInputSchema = z
  .object({
    cases: z
      .array(z.object({ id: EntityIdSchema, version: VersionSchema }))
      .min(1)
      .max(500),
    assignee: z.string().min(1).max(64),
  })
  .strict();
export type AssignInput = z.infer<typeof AssignInputSchema>;

export const TransitionInputSchema = z
  .object({
    version: VersionSchema,
    to: z.enum(['in_progress', 'new']),
    note: text(2000).optional(),
  })
  .strict();

export const CommentInputSchema = z.object({ text: text(4000).min(1) }).strict();

export const manualMeasures = ['visit', 'letter', 'interview', 'document_request'] as const;
export const automaticMeasures = [
  'suspend_payment',
  'block_registration',
  'recover_contributions',
] as const;
export const MeasureInputSchema = z
  .object({
    kind: z.enum([...manualMeasures, ...automaticMeasures]),
    note: text(2000).optional(),
  })
  .strict();
export type MeasureInput = z.infer<typeof MeasureInputSchema>;

export const CloseInputSchema = z
  .object({
    version: VersionSchema,
    outcome: OutcomeSchema,
    /** The offence found; `none` (or left out) when unfounded. */
    offence: OffenceSchema.optional(),
    recoveredEur: z.number().min(0).max(1e12).default(0),
    note: text(4000).optional(),
    /** Per-entity outcomes of a group case, where they differ from the case's. */
    entities: z
      .array(EntityRefSchema.extend({ outcome: OutcomeSchema, offence: OffenceSchema.optional() }))
      .max(MAX_CASE_ENTITIES)
      .optional(),
  })
  .strict()
  .refine((v) => v.outcome !== 'confirmed' || (v.offence !== undefined && v.offence !== 'none'), {
    message: 'a confirmed case names the offence found',
    path: ['offence'],
  });
export type CloseInput = z.input<typeof CloseInputSchema>;
