// Entity detail: what an investigator sees on opening an employer, person or official — its
// contract properties, its network features with what they mean, its score with the reasons,
// its inspections and cases, and a timeline of everything dated around it. One query per entity
// (two for an official: the person they are gives the timeline), every expansion capped.
//
// Staff data is for the internal-fraud unit only: an official's detail is refused to others,
// and a person's detail does not tell others that the person is an official or linked to one
// (no staff ids, no staff-revealing features, rules, contributions or evidence, and the top
// reason among what is left: server/scoring/staff-revealing.ts).
import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { EntityEventRow, InspectionRow, TimelinePosition } from '../db/entity-queries.js';
import { canSeeStaff, type Viewer } from '../auth/roles.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { staffRevealingFeatures } from '../scoring/staff-revealing.js';
import {
  EntityFeatureSchema,
  entityFeatures,
  FeaturesRunSchema,
  FeatureValueSchema,
} from './entity-features.js';
import {
  inDateOrder,
  inspectionEvent,
  lifeEvents,
  relationEvent,
  relationOf,
  TimelineEventSchema,
  type TimelineEvent,
} from './entity-timeline.js';
import {
  EntityIdSchema,
  EntityTypeSchema,
  RelationshipTypeSchema,
  type EntityType,
} from './entity-types.js';
import { EntityScoreSchema, scoreOf } from './entity-score.js';
import { LAST_DATE, TIMELINE_PAGE, timelineCursor } from './entity-timeline-page.js';
import { parseInput } from './parse-input.js';

export const EntityDetailInputSchema = z.object({ type: EntityTypeSchema, id: EntityIdSchema });
export type EntityDetailInput = z.infer<typeof EntityDetailInputSchema>;

/** Most recent inspections and cases shown (more are not expected of one entity). */
const LIST_CAP = 200;

/** The contract columns each entity type shows as properties (CONTRACT.md). */
const contractProperties: Record<EntityType, readonly string[]> = {
  employer: [
    'name',
    'kind',
    'sector',
    'region',
    'municipality',
    'founded_on',
    'ceased_on',
    'status',
    'contribution_debt_eur',
    'declared_workers',
  ],
  // Never a person's sex or nationality: protected attributes are audit columns of the fairness
  // tables only (DESIGN.md, "Accountability"); the query leaves them in the database and the
  // answer schema refuses them. Birth year stays: investigators use it to tell persons of the
  // same name apart (under the audit trail); like the others it is never a model input.
  person: ['birth_year', 'region', 'municipality'],
  staff: ['unit', 'office_region'],
};

const ref = z.object({ id: z.string(), label: z.string() });

export const InspectionSchema = z.object({
  id: z.string(),
  openedOn: z.iso.date().nullable(),
  closedOn: z.iso.date().nullable(),
  offence: z.string().nullable(),
  outcome: z.string().nullable(),
  origin: z.string().nullable(),
  recoveredEur: z.number().nullable(),
});

export const CaseSchema = z.object({
  id: z.string(),
  status: z.string().nullable(),
  title: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string().nullable(),
});

/** Properties the entity view never sends (see `contractProperties`). */
const withheldProperties = ['sex', 'nationality'] as const;

export const EntityDetailSchema = z.object({
  type: EntityTypeSchema,
  id: z.string(),
  label: z.string(),
  properties: z
    .record(z.string(), FeatureValueSchema)
    .refine((p) => withheldProperties.every((name) => !(name in p)), {
      message: `views: an entity's properties never include ${withheldProperties.join(' or ')}`,
    })
    .meta({
      description:
        'The contract columns of the entity type. Never a person’s sex or nationality (audit columns only).',
    }),
  features: z.array(EntityFeatureSchema),
  /** The analysis run that wrote the features; null when never analysed. */
  featuresRun: FeaturesRunSchema.nullable(),
  /** Null when never scored. */
  score: EntityScoreSchema.nullable(),
  /** Newest first. */
  inspections: z.array(InspectionSchema),
  cases: z.array(CaseSchema),
  /** Oldest first; undated events last. */
  timeline: z.array(TimelineEventSchema),
  /** Relation types of which only the most recent were put in the timeline. */
  timelineTruncated: z.array(
    z.object({
      relation: RelationshipTypeSchema,
      shown: z.number().int(),
      total: z.number().int(),
      /**
       * Continues this relation type's timeline through
       * `GET /api/entities/{type}/{id}/timeline`; null where there is no paging (inspections).
       */
      nextCursor: z.string().nullable(),
    }),
  ),
  /** An official: the person they are. */
  person: ref.nullable(),
  /** A person: the officials they are (internal-fraud unit only; empty for others). */
  staff: z.array(ref),
  /** An official: claims they processed. */
  claimsProcessed: z.number().int().nullable(),
  /** What was left out or could not be read, in plain words. */
  notes: z.array(z.string()),
});
export type EntityDetail = z.infer<typeof EntityDetailSchema>;

export async function entityDetail(
  db: Database,
  input: z.input<typeof EntityDetailInputSchema>,
  viewer: Viewer,
): Promise<EntityDetail> {
  const { type, id } = parseInput(EntityDetailInputSchema, input, 'views');
  const staffVisible = canSeeStaff(viewer);
  if (type === 'staff' && !staffVisible) {
    throw new ForbiddenError('views: officials are shown to the internal-fraud unit only');
  }
  const notFound = () => new NotFoundError(`views: no ${type} ${id}; check the id`);
  const cap = TIMELINE_PAGE;
  const listCap = LIST_CAP;

  if (type === 'employer') {
    const [row] = await db.read('views/entity-employer', {
      id,
      cap,
      listCap,
      before: LAST_DATE,
      after: null,
    });
    if (!row) throw notFound();
    return assemble(type, row, {
      events: [...row.events.map((e) => relationEvent(e, 'employer')), ...lifeEvents(row.node)],
      eventRows: row.events,
      ends: row.ends,
      staffVisible,
    });
  }
  if (type === 'person') {
    const [row] = await db.read('views/entity-person', { id, cap, listCap });
    if (!row) throw notFound();
    return {
      ...assemble(type, row, {
        events: row.events.map((e) => relationEvent(e, 'person')),
        eventRows: row.events,
        ends: row.ends,
        staffVisible,
      }),
      staff: staffVisible ? row.staff.map((s) => ({ id: s, label: s })) : [],
    };
  }
  const found = await db.transaction('READ', async (read) => {
    const [row] = await read('views/entity-staff', { id, listCap });
    if (!row) return undefined;
    const [person] =
      row.person === null
        ? []
        : await read('views/entity-person', { id: row.person, cap, listCap });
    return { row, person };
  });
  if (!found) throw notFound();
  const { row } = found;
  const person = found.person && {
    rows: found.person.events,
    events: found.person.events.map((e) => relationEvent(e, 'person')),
    totals: found.person.totals,
    ends: found.person.ends,
    inspections: found.person.inspections,
  };
  const detail = assemble(type, row, {
    events: person?.events ?? [],
    eventRows: person?.rows ?? [],
    ends: person?.ends ?? {},
    staffVisible,
    extraTotals: person?.totals,
    extraInspections: person?.inspections,
  });
  return {
    ...detail,
    person: row.person === null ? null : { id: row.person, label: row.person },
    claimsProcessed: row.claimsProcessed,
  };
}

interface CommonRow {
  node: Record<string, unknown>;
  totals: Record<string, number>;
  inspections: InspectionRow[];
  cases: {
    id: string;
    status: string | null;
    title: string | null;
    note: string | null;
    created_at: string | null;
    has_staff?: boolean | null | undefined;
  }[];
}

function assemble(
  type: EntityType,
  row: CommonRow,
  timeline: {
    events: TimelineEvent[];
    eventRows: EntityEventRow[];
    /** Per relation type, its last event shown (where its next page starts). */
    ends: Record<string, TimelinePosition | null>;
    staffVisible: boolean;
    /** An official's person: their relations' totals and inspections join the timeline. */
    extraTotals?: Record<string, number>;
    extraInspections?: InspectionRow[];
  },
): EntityDetail {
  const node = row.node;
  const id = String(node.id);
  const notes: string[] = [];
  const hidden =
    type === 'person' && !timeline.staffVisible ? staffRevealingFeatures : new Set<string>();
  const { features, run } = entityFeatures(node, hidden);
  const score = scoreOf(node, type, timeline.staffVisible, notes);
  const inspections = [...row.inspections, ...(timeline.extraInspections ?? [])];

  const truncated: EntityDetail['timelineTruncated'] = [];
  const shownBy = new Map<string, number>();
  for (const [kind] of timeline.eventRows) {
    const relation = relationOf[kind];
    shownBy.set(relation, (shownBy.get(relation) ?? 0) + 1);
  }
  const totals = [
    ...Object.entries(row.totals).map(([relation, total]) => ({
      relation,
      total,
      shown: relation === 'OF' ? row.inspections.length : (shownBy.get(relation) ?? 0),
    })),
    ...Object.entries(timeline.extraTotals ?? {}).map(([relation, total]) => ({
      relation,
      total,
      shown:
        relation === 'OF' ? (timeline.extraInspections?.length ?? 0) : (shownBy.get(relation) ?? 0),
    })),
  ];
  for (const t of totals) {
    if (t.total <= t.shown) continue;
    const relation = RelationshipTypeSchema.parse(t.relation);
    const end = timeline.ends[relation];
    truncated.push({
      relation,
      shown: t.shown,
      total: t.total,
      nextCursor: end ? timelineCursor({ type, id }, relation, end) : null,
    });
    notes.push(
      `timeline: the ${t.shown} most recent of ${t.total.toLocaleString('en-GB')} ${relation} relations`,
    );
  }

  return {
    type,
    id,
    label: typeof node.name === 'string' ? node.name : id,
    properties: Object.fromEntries(
      contractProperties[type].map((key) => [key, propertyValue(node[key])]),
    ),
    features,
    featuresRun: run,
    score,
    inspections: row.inspections.map((i) => ({
      id: i.id,
      openedOn: i.opened_on,
      closedOn: i.closed_on,
      offence: i.offence,
      outcome: i.outcome,
      origin: i.origin,
      recoveredEur: i.recovered_eur,
    })),
    cases: row.cases
      .filter((c) => timeline.staffVisible || c.has_staff !== true)
      .map((c) => ({
        id: c.id,
        status: c.status,
        title: c.title,
        note: c.note,
        createdAt: c.created_at,
      })),
    timeline: inDateOrder([...timeline.events, ...inspections.map(inspectionEvent)]),
    timelineTruncated: truncated,
    person: null,
    staff: [],
    claimsProcessed: null,
    notes,
  };
}

function propertyValue(v: unknown): z.infer<typeof FeatureValueSchema> {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}
