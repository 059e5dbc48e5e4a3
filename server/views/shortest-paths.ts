// All shortest paths between two nodes over chosen relationship types, up to `maxLength`
// relationships, at most `limit` of them: a GraphView of their union plus each path as its node
// keys in order, so the explorer can highlight one. A bidirectional breadth-first search that
// grows the cheaper side (path-search.ts) finds them; inner nodes that analytics flagged as hubs
// are avoided by default (a path through a domiciliation address is real evidence but weak),
// and shown with `attributes.hub` when allowed. For viewers who may not see staff no path goes
// through an official. No path is an empty answer with a note, not an error.
import { z } from 'zod';
import { canSeeStaff, type Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { BadInputError } from '../errors.js';
import {
  RelationshipTypeSchema,
  relationshipTypes,
  type RelationshipType,
} from './entity-types.js';
import { GraphBuilder } from './graph-rows.js';
import { GraphViewSchema } from './graph-shape.js';
import { NodeKeySchema } from './node-key.js';
import { checkedKeys, resolveKeys, staffNote, visibleTypes } from './resolve-keys.js';
import { parseInput } from './parse-input.js';
import {
  pathSearchBudget,
  searchShortestPaths,
  startPathSearch,
  type PathSearch,
} from './path-search.js';
import { BooleanParamSchema, listParam } from './view-input.js';

/** Types a path follows unless told otherwise: not the analytics and case bookkeeping. */
export const defaultPathTypes: readonly RelationshipType[] = relationshipTypes.filter(
  (t) => t !== 'IN_COMMUNITY' && t !== 'OF' && t !== 'CONCERNS',
);

export const ShortestPathsInputSchema = z
  .object({
    from: NodeKeySchema,
    to: NodeKeySchema,
    /** Relationship types a path may follow (default: all but IN_COMMUNITY, OF, CONCERNS). */
    types: listParam(RelationshipTypeSchema, { min: 1 }).optional(),
    maxLength: z.coerce.number().int().min(1).max(6).default(4),
    /** Every relationship of a path active on this date. */
    asOf: z.iso.date().optional(),
    limit: z.coerce.number().int().min(1).max(50).default(5),
    /** Paths do not go through nodes that analytics flagged as hubs. */
    avoidHubs: BooleanParamSchema.default(true),
  })
  .refine((input) => input.from !== input.to, {
    path: ['to'],
    message: 'from and to are the same node',
  });
export type ShortestPathsInput = z.input<typeof ShortestPathsInputSchema>;

export const ShortestPathsOutputSchema = GraphViewSchema.extend({
  /** Each path as the keys of its nodes, from `from` to `to`. */
  paths: z.array(z.array(z.string())),
});
export type ShortestPathsView = z.infer<typeof ShortestPathsOutputSchema>;

export async function shortestPaths(
  db: Database,
  input: ShortestPathsInput,
  viewer: Viewer,
): Promise<ShortestPathsView> {
  const args = parseInput(ShortestPathsInputSchema, input, 'views: bad shortest paths request');
  const types = visibleTypes(viewer, args.types ?? defaultPathTypes);
  if (types.length === 0) {
    throw new BadInputError('views: no relationship type left to follow for your role', [
      { path: 'types', message: 'staff relationships are shown to the internal-fraud unit only' },
    ]);
  }
  const hideStaff = !canSeeStaff(viewer);
  const rules = { types, asOf: args.asOf ?? null, avoidHubs: args.avoidHubs, hideStaff };
  const [from, to] = checkedKeys([args.from, args.to], viewer);
  return db.transaction('READ', async (run) => {
    // A miss: looked up again, to say which key names no node.
    const start: Pick<PathSearch, 'from' | 'to' | 'firstLevel'> =
      (await startPathSearch(run, [from!, to!], rules)) ??
      (await resolveKeys(run, [args.from, args.to], viewer).then((ends) => ({
        from: ends.get(args.from)!,
        to: ends.get(args.to)!,
      })));
    const {
      paths: rows,
      nodes,
      stopped,
    } = await searchShortestPaths(run, {
      ...rules,
      ...start,
      maxLength: args.maxLength,
      limit: args.limit,
    });
    const builder = new GraphBuilder();
    for (const row of nodes) builder.addNode(row);
    for (const row of rows) for (const edge of row.edges) builder.addEdge(edge);
    // Parallel relations (two jobs at one employer) make paths through the same nodes: one each.
    const paths = [
      ...new Map(
        rows.map((row) => {
          const keys = row.nodes.map((element) => builder.keyOf(element) ?? element);
          return [keys.join('\n'), keys] as const;
        }),
      ).values(),
    ];

    const notes: string[] = [];
    if (stopped) {
      notes.push(
        `the search stopped after reading ${pathSearchBudget.toLocaleString('en')} relationships without joining ${args.from} and ${args.to}: there may be a path of at most ${args.maxLength}; follow fewer types, ask for a shorter maxLength${args.avoidHubs ? '' : ' or avoid hubs'}`,
      );
    } else if (rows.length === 0) {
      notes.push(
        `no path of at most ${args.maxLength} relationships from ${args.from} to ${args.to} over ${types.join(', ')}${args.asOf ? ` active on ${args.asOf}` : ''}${args.avoidHubs ? ' avoiding hubs (try avoidHubs=false)' : ''}`,
      );
    } else if (rows.length === args.limit) {
      const length = rows[0]!.edges.length;
      // Paths through the same nodes by parallel relations are one path of the answer.
      notes.push(
        paths.length < rows.length
          ? `the first ${args.limit} shortest paths found (${length} relationships each) go through ${paths.length} ${paths.length === 1 ? 'sequence' : 'sequences'} of nodes, shown with all their relations; there may be more of that length`
          : `showing the first ${args.limit} shortest paths (${length} relationships each); there may be more of that length`,
      );
    }
    if (hideStaff) notes.push(staffNote);
    const view = builder.view(notes, stopped || rows.length === args.limit);
    if (!args.avoidHubs && view.nodes.some((n) => n.attributes.hub === true)) {
      notes.push(
        'some paths go through hubs (attributes.hub): weak evidence, many links pass there',
      );
    }
    return { ...view, paths };
  });
}
