// A community found by analytics (Community nodes, IN_COMMUNITY memberships: server/analytics/
// write-back.ts) as a subgraph: its members, the relations among them, and what links them
// through shared resources — addresses, accounts and contacts used by two members or more, and
// claims leading from one member to another (the employer a claim rests on, the official who
// processed it, a shared account it was paid to) — since those carry the evidence. At most
// `limit` nodes: members are taken highest risk first, each followed by the connectors it
// completes, until the bound. Officials are masked for viewers who may not see staff.
import { z } from 'zod';
import { canSeeStaff, type Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import type { EdgeRow } from '../db/network-queries.js';
import type { QueryRow } from '../db/queries.js';
import { NotFoundError } from '../errors.js';
import { EntityIdSchema } from './entity-types.js';
import { GraphBuilder } from './graph-rows.js';
import { GraphViewSchema } from './graph-shape.js';
import { nodeDetails, staffNotes } from './resolve-keys.js';
import { parseInput } from './parse-input.js';

export const CommunityViewInputSchema = z.object({
  communityId: EntityIdSchema,
  /** Most nodes in the view (members first, highest risk first). */
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export type CommunityViewInput = z.input<typeof CommunityViewInputSchema>;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const CommunitySummarySchema = z.object({
  id: z.string(),
  /** Members of every kind, officials included (as f_community_size on each member). */
  size: z.number().int().nonnegative(),
  persons: z.number().int().nonnegative().nullable(),
  employers: z.number().int().nonnegative().nullable(),
  /** Officials among the members: null for viewers who may not see staff. */
  staff: z.number().int().nonnegative().nullable(),
  /** The members this viewer may see. */
  visibleMembers: z.number().int().nonnegative(),
  /** The community aggregates analytics wrote (f_community_share_fraud …). */
  aggregates: z.record(z.string(), scalar),
});

export const CommunityViewOutputSchema = GraphViewSchema.extend({
  community: CommunitySummarySchema,
});
export type CommunityView = z.infer<typeof CommunityViewOutputSchema>;

/** A member's link to a connector: the nodes on the way (a claim to an account), its edges. */
type Link = QueryRow<'views/community-view-connectors'>['links'][number];

/** The connectors of each member. */
function connectorsByMember(rows: QueryRow<'views/community-view-connectors'>[]) {
  const byMember = new Map<string, string[]>();
  for (const row of rows) {
    for (const member of new Set(row.links.map((l) => l.member))) {
      const entry = byMember.get(member);
      if (entry) entry.push(row.connector);
      else byMember.set(member, [row.connector]);
    }
  }
  return byMember;
}

function scalarOf(value: unknown): z.infer<typeof scalar> | undefined {
  const parsed = scalar.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

export async function communityView(
  db: Database,
  input: CommunityViewInput,
  viewer: Viewer,
): Promise<CommunityView> {
  const args = parseInput(CommunityViewInputSchema, input, 'views: bad community request');
  const hideStaff = !canSeeStaff(viewer);
  return db.transaction('READ', async (run) => {
    const [head] = await run('views/community-view-head', {
      id: args.communityId,
      hideStaff,
      limit: args.limit,
    });
    if (!head) {
      throw new NotFoundError(
        `views: no community ${args.communityId}; community ids come from the latest analysis (f_community on its members)`,
      );
    }
    const candidates = head.members;
    const [relations, connectorRows] =
      candidates.length === 0
        ? [[], []]
        : [
            await run('views/community-view-relations', { members: candidates }),
            await run('views/community-view-connectors', { members: candidates, hideStaff }),
          ];
    const links = new Map(connectorRows.map((row) => [row.connector, row.links]));
    const byMember = connectorsByMember(connectorRows);

    // Members in order, each followed by the connectors it completes (two linked members).
    const chosen = new Set<string>();
    const order: string[] = [];
    const edges: EdgeRow[] = relations.map((row) => row.edge);
    let shownMembers = 0;
    let skippedConnectors = 0;
    const room = (n: number) => chosen.size + n <= args.limit;
    const take = (element: string) => {
      if (!chosen.has(element)) {
        chosen.add(element);
        order.push(element);
      }
    };
    const takeLink = (link: Link) => {
      const needed = link.via.filter((n) => !chosen.has(n));
      if (!room(needed.length)) return;
      needed.forEach(take);
      edges.push(...link.edges);
    };
    for (const member of candidates) {
      if (!room(1)) break;
      take(member);
      shownMembers++;
      for (const connector of byMember.get(member) ?? []) {
        const linked = (links.get(connector) ?? []).filter((l) => chosen.has(l.member));
        if (new Set(linked.map((l) => l.member)).size < 2) continue;
        if (!chosen.has(connector)) {
          if (!room(1)) {
            skippedConnectors++;
            continue;
          }
          take(connector);
          linked.forEach(takeLink);
        } else {
          linked.filter((l) => l.member === member).forEach(takeLink);
        }
      }
    }

    const builder = new GraphBuilder();
    for (const row of await nodeDetails(run, order, null)) builder.addNode(row);
    for (const edge of edges) builder.addEdge(edge);

    const notes: string[] = [];
    if (shownMembers < head.total) {
      notes.push(
        `sampled ${shownMembers.toLocaleString('en')} of ${head.total.toLocaleString('en')} members (highest risk first)`,
      );
    }
    if (skippedConnectors > 0) {
      notes.push(
        `${skippedConnectors.toLocaleString('en')} shared resources or claims linking the members shown were left out at the limit of ${args.limit.toLocaleString('en')} nodes`,
      );
    }
    const view = builder.view(notes, shownMembers < head.total || skippedConnectors > 0);
    view.notes.push(...staffNotes(viewer, view.nodes));

    const aggregates: Record<string, z.infer<typeof scalar>> = {};
    for (const name of Object.keys(head.props).sort()) {
      if (!name.startsWith('f_') || name === 'f_run' || name === 'f_at') continue;
      const value = scalarOf(head.props[name]);
      if (value !== undefined) aggregates[name] = value;
    }
    return {
      ...view,
      community: {
        id: head.id,
        size: count(head.props.size) ?? head.total,
        persons: count(head.props.persons),
        employers: count(head.props.employers),
        staff: hideStaff ? null : count(head.props.staff),
        visibleMembers: head.total,
        aggregates,
      },
    };
  });
}
