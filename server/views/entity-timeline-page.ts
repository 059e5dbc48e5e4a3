// Older events of an entity's timeline, one relation type at a time. The entity's page shows
// the most recent TIMELINE_PAGE relations of each type and, where there are more, a cursor;
// this continues from it, newest first, in the same order (undated last, then by the
// relationship's element id), so paging through gives every relation exactly once.
//
// An official's timeline is the person they are (internal-fraud unit only, as their page).
import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { TimelinePosition } from '../db/entity-queries.js';
import { canSeeStaff, type Viewer } from '../auth/roles.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { relationEvent, TimelineEventSchema } from './entity-timeline.js';
import {
  EntityIdSchema,
  EntityTypeSchema,
  type EntityType,
  type RelationshipType,
} from './entity-types.js';
import { decodeOpaque, encodeOpaque } from './opaque-cursor.js';
import { parseInput } from './parse-input.js';

/** Relations of each type on an entity's first page; the rest page by page. */
export const TIMELINE_PAGE = 50;

/** The relation types of each entity type's timeline (an official: their person's). */
export const timelineRelations = {
  employer: ['EMPLOYED_BY', 'WORKS_FOR_CLIENT', 'DIRECTS', 'SEATED_AT', 'SUBCONTRACTS_TO'],
  person: ['EMPLOYED_BY', 'WORKS_FOR_CLIENT', 'DIRECTS', 'CLAIMED', 'LIVES_AT'],
  staff: ['EMPLOYED_BY', 'WORKS_FOR_CLIENT', 'DIRECTS', 'CLAIMED', 'LIVES_AT'],
} as const satisfies Record<EntityType, readonly RelationshipType[]>;

const allTimelineRelations = [
  ...new Set(Object.values(timelineRelations).flat()),
] as readonly RelationshipType[];
const TimelineRelationSchema = z.enum(allTimelineRelations as [RelationshipType]);

export const TimelinePageInputSchema = z.object({
  type: EntityTypeSchema,
  id: EntityIdSchema,
  relation: TimelineRelationSchema.meta({
    description: 'The relation type to page through (one of the entity type’s timeline).',
  }),
  cursor: z.string().min(1).max(1000).optional().meta({
    description:
      'Where to continue: `nextCursor` of the entity’s `timelineTruncated` or of the previous page. Without it, the most recent.',
  }),
  limit: z.coerce.number().int().min(1).max(200).default(TIMELINE_PAGE),
});

export type TimelinePageInput = z.input<typeof TimelinePageInputSchema>;

export const TimelinePageSchema = z.object({
  type: EntityTypeSchema,
  id: z.string(),
  relation: TimelineRelationSchema,
  /** Newest first (undated last). */
  events: z.array(TimelineEventSchema),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof TimelinePageSchema>;

/** The latest date there is: an employer's jobs are read along their index from there. */
export const LAST_DATE = '9999-12-31';

/**
 * A cursor names its entity and relation type and the last event shown: its date and its
 * relationship's element id. Element ids hold while the database does: after a reload, an old
 * cursor continues at the right date, but relations of that same day may come twice or not.
 */
const CursorSchema = z.object({
  of: z.string().max(200),
  relation: TimelineRelationSchema,
  date: z.iso.date().nullable(),
  key: z.string().max(200),
});

const entityOf = (entity: { type: EntityType; id: string }) => `${entity.type}:${entity.id}`;

/** The cursor that continues the entity's `relation` after `position`. */
export function timelineCursor(
  entity: { type: EntityType; id: string },
  relation: RelationshipType,
  position: TimelinePosition,
): string {
  return encodeOpaque({ of: entityOf(entity), relation, ...position });
}

function decodeCursor(
  text: string,
  entity: { type: EntityType; id: string },
  relation: RelationshipType,
): TimelinePosition {
  const bad = (why: string) =>
    new BadInputError(`views: the cursor ${why}; ask again without it for the most recent`, [
      { path: 'cursor', message: why },
    ]);
  const cursor = decodeOpaque(text, CursorSchema);
  if (!cursor) throw bad('is not one this service gave out');
  if (cursor.of !== entityOf(entity)) throw bad('continues another entity’s timeline');
  if (cursor.relation !== relation) throw bad(`continues ${cursor.relation}`);
  return { date: cursor.date, key: cursor.key };
}

export async function timelinePage(
  db: Database,
  input: TimelinePageInput,
  viewer: Viewer,
): Promise<TimelinePage> {
  const { type, id, relation, cursor, limit } = parseInput(TimelinePageInputSchema, input, 'views');
  if (type === 'staff' && !canSeeStaff(viewer)) {
    throw new ForbiddenError('views: officials are shown to the internal-fraud unit only');
  }
  if (!(timelineRelations[type] as readonly string[]).includes(relation)) {
    throw new BadInputError(`views: ${type} timelines have no ${relation} relations`, [
      { path: 'relation', message: `one of ${timelineRelations[type].join(', ')}` },
    ]);
  }
  const after = cursor === undefined ? null : decodeCursor(cursor, { type, id }, relation);
  // A row of limit + 1 events tells whether there is a page after this one.
  const [row] =
    type === 'employer' && relation === 'EMPLOYED_BY'
      ? await db.read('views/entity-employer-jobs', {
          id,
          // Once the cursor is among the undated jobs, no dated one is left.
          before: after === null ? LAST_DATE : after.date,
          after,
          cap: limit + 1,
        })
      : await db.read('views/entity-timeline-page', { type, id, relation, after, limit });
  if (!row) throw new NotFoundError(`views: no ${type} ${id}; check the id`);
  const rows = row.events;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const lastKey = row.keys[page.length - 1];
  return {
    type,
    id,
    relation,
    events: page.map((e) => relationEvent(e, type === 'employer' ? 'employer' : 'person')),
    nextCursor:
      rows.length > limit && last && lastKey !== undefined
        ? timelineCursor({ type, id }, relation, { date: last[1], key: lastKey })
        : null,
  };
}
