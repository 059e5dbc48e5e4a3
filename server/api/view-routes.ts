// The investigator's routes: rankings, one entity, and the network views (neighbourhood,
// community, shortest paths). Every role may call them; officials are masked out for all but
// the internal-fraud unit and admins inside the services. All read personal data: audited.
import { z } from 'zod';
import { canSeeStaff, roles } from '../auth/roles.js';
import type { ViewSettings } from '../config.js';
import type { Database } from '../db/database.js';
import {
  CommunityViewInputSchema,
  CommunityViewOutputSchema,
  communityView,
} from '../views/community-view.js';
import { EntityDetailSchema, entityDetail } from '../views/entity.js';
import { EntityIdSchema, EntityTypeSchema, entityLabel } from '../views/entity-types.js';
import {
  TimelinePageInputSchema,
  TimelinePageSchema,
  timelinePage,
} from '../views/entity-timeline-page.js';
import { nodeKey } from '../views/graph-shape.js';
import {
  NeighbourhoodInputSchema,
  NeighbourhoodOutputSchema,
  neighbourhood,
} from '../views/neighbourhood.js';
import { RankingsQuerySchema, RankingsSchema, rankings } from '../views/rankings.js';
import { rankingsVersion } from '../views/rankings-version.js';
import {
  ShortestPathsInputSchema,
  ShortestPathsOutputSchema,
  shortestPaths,
} from '../views/shortest-paths.js';
import { AnswerCache } from './answer-cache.js';
import { graphSubjects } from './audit-entities.js';
import { route, type RouteDef } from './route.js';
import { signedInViewer } from './signed-in.js';

export function viewRoutes(db: Database, settings: ViewSettings): RouteDef[] {
  // Everyone opening the rankings sees the same first pages: they are kept until the next
  // scoring run or load. Only whether officials may be shown changes a page between viewers.
  const rankingsCache = new AnswerCache(() => rankingsVersion(db), {
    checkEveryMs: settings.rankingsCacheMs,
  });
  return [
    route({
      method: 'get',
      path: '/rankings',
      tag: 'rankings',
      summary: 'Ranked employers, persons or officials with counts per band for the filter',
      description:
        'Filter by sector (NACE section or code prefix), offence, region, band, minimum score and text; keyset pages through `cursor`. Staff rankings are for the internal-fraud unit.',
      access: roles,
      query: RankingsQuerySchema,
      response: RankingsSchema,
      audit: (answer) => answer.items.map((i) => nodeKey(entityLabel[i.type], i.id)),
      cache: {
        store: rankingsCache,
        key: ({ query }, viewer) => JSON.stringify([canSeeStaff(viewer), query]),
      },
      handler: ({ query, viewer }) => rankings(db, query, signedInViewer(viewer)),
    }),
    route({
      method: 'get',
      path: '/entities/:type/:id',
      tag: 'entities',
      summary: 'One employer, person or official: properties, features, score, reasons, timeline',
      access: roles,
      params: z.object({ type: EntityTypeSchema, id: EntityIdSchema }),
      response: EntityDetailSchema,
      audit: (answer) => [nodeKey(entityLabel[answer.type], answer.id)],
      handler: ({ params, viewer }) => entityDetail(db, params, signedInViewer(viewer)),
    }),
    route({
      method: 'get',
      path: '/entities/:type/:id/timeline',
      tag: 'entities',
      summary: 'Older events of one relation type of an entity’s timeline, a page at a time',
      description:
        'The entity’s page shows the most recent relations of each type; where there are more, `timelineTruncated` gives a `nextCursor` to continue from here, newest first.',
      access: roles,
      params: z.object({ type: EntityTypeSchema, id: EntityIdSchema }),
      query: TimelinePageInputSchema.omit({ type: true, id: true }),
      response: TimelinePageSchema,
      audit: (answer) => [nodeKey(entityLabel[answer.type], answer.id)],
      handler: ({ params, query, viewer }) =>
        timelinePage(db, { ...params, ...query }, signedInViewer(viewer)),
    }),
    route({
      method: 'get',
      path: '/network/neighbourhood',
      tag: 'network',
      summary: 'The neighbourhood of nodes to depth 1–2, hubs collapsed, or one page of a hub',
      access: roles,
      query: NeighbourhoodInputSchema,
      response: NeighbourhoodOutputSchema,
      audit: (answer) => graphSubjects(answer),
      handler: ({ query, viewer }) => neighbourhood(db, query, signedInViewer(viewer)),
    }),
    route({
      method: 'get',
      path: '/network/communities/:id',
      tag: 'network',
      summary: 'A whole community as a subgraph (highest risk first when over the limit)',
      access: roles,
      params: z.object({ id: EntityIdSchema }),
      query: CommunityViewInputSchema.omit({ communityId: true }),
      response: CommunityViewOutputSchema,
      audit: (answer) => graphSubjects(answer),
      handler: ({ params, query, viewer }) =>
        communityView(db, { ...query, communityId: params.id }, signedInViewer(viewer)),
    }),
    route({
      method: 'get',
      path: '/network/paths',
      tag: 'network',
      summary: 'All shortest paths between two nodes over chosen relationship types',
      access: roles,
      query: ShortestPathsInputSchema,
      response: ShortestPathsOutputSchema,
      audit: (answer) => graphSubjects(answer),
      handler: ({ query, viewer }) => shortestPaths(db, query, signedInViewer(viewer)),
    }),
  ];
}
