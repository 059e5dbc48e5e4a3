// The scenarios of bench/api.ts: for each, the requests (an HTTP path and the same call made
// in-process, so both sides ask for exactly the same thing), the target and the peer.
import type { Viewer } from '../server/auth/roles.js';
import { sessionViewer, type SessionPolicy } from '../server/auth/sessions.js';
import type { Database } from '../server/db/database.js';
import { entityDetail } from '../server/views/entity.js';
import { neighbourhood } from '../server/views/neighbourhood.js';
import { rankings } from '../server/views/rankings.js';
import { shortestPaths } from '../server/views/shortest-paths.js';
import type { Call } from './api-load.js';
import type { Targets } from './api-targets.js';

export interface Request {
  path: string;
  call: Call;
}
export interface Scenario {
  name: string;
  group: 'floor' | 'rankings' | 'entity' | 'neighbourhood' | 'paths';
  targetP95Ms: number | null;
  peer: string;
  requests: Request[];
}

export interface ScenarioDeps {
  db: Database;
  viewer: Viewer;
  targets: Targets;
  /** The bench user's session token and the policy it is checked with (the auth/me peer). */
  token: string;
  sessions: SessionPolicy;
}

export function apiScenarios({ db, viewer, targets, token, sessions }: ScenarioDeps): Scenario[] {
  const qs = (query: Record<string, string>) => new URLSearchParams(query).toString();
  const ranked = (queries: Record<string, string>[]): Request[] =>
    queries.map((query) => ({
      path: `/api/rankings?${qs(query)}`,
      call: { run: () => rankings(db, query, viewer) },
    }));
  const entity = (type: 'employer' | 'person', ids: string[]): Request[] =>
    ids.map((id) => ({
      path: `/api/entities/${type}/${encodeURIComponent(id)}`,
      call: { run: () => entityDetail(db, { type, id }, viewer) },
    }));
  const around = (keys: string[]): Request[] =>
    keys.map((nodes) => ({
      path: `/api/network/neighbourhood?${qs({ nodes })}`,
      call: { run: () => neighbourhood(db, { nodes }, viewer) },
    }));
  const cross = <A, B>(as: readonly A[], bs: readonly B[]) =>
    as.flatMap((a) => bs.map((b) => [a, b] as const));
  const service = 'the same service calls in-process';

  return [
    {
      name: 'floor: GET /bench/noop (HTTP only)',
      group: 'floor',
      targetP95Ms: null,
      peer: 'a query that reads nothing',
      requests: [{ path: '/bench/noop', call: { run: () => db.read('db/components', {}) } }],
    },
    {
      name: 'floor: GET /api/auth/me (session check)',
      group: 'floor',
      targetP95Ms: null,
      peer: 'the session lookup',
      requests: [{ path: '/api/auth/me', call: { run: () => sessionViewer(db, token, sessions) } }],
    },
    {
      name: 'rankings: no filter (pages 1–4)',
      group: 'rankings',
      targetP95Ms: 50,
      peer: service,
      requests: ranked([{ type: 'employer' }, { type: 'person' }, ...targets.laterPages]),
    },
    {
      name: 'rankings: sector + band',
      group: 'rankings',
      targetP95Ms: 50,
      peer: service,
      requests: ranked(
        cross(targets.redSectors, ['red', 'red,orange', 'orange', 'green']).map(
          ([sector, band]) => ({
            sector,
            band,
          }),
        ),
      ),
    },
    {
      name: 'rankings: region (employers, persons)',
      group: 'rankings',
      targetP95Ms: 50,
      peer: service,
      requests: ranked(
        cross(targets.regions, ['employer', 'person']).map(([region, type]) => ({ type, region })),
      ),
    },
    {
      name: 'rankings: text search',
      group: 'rankings',
      targetP95Ms: 50,
      peer: service,
      requests: ranked(targets.searchTerms.map((q) => ({ q }))),
    },
    {
      name: 'entity: employer',
      group: 'entity',
      targetP95Ms: 50,
      peer: service,
      requests: entity('employer', [...targets.employers.red, ...targets.employers.ofPersons]),
    },
    {
      name: 'entity: person',
      group: 'entity',
      targetP95Ms: 50,
      peer: service,
      requests: entity('person', [...targets.persons.random, ...targets.persons.highRisk]),
    },
    {
      name: 'neighbourhood 1 hop: person',
      group: 'neighbourhood',
      targetP95Ms: 100,
      peer: service,
      requests: around(
        [...targets.persons.random, ...targets.persons.highRisk].map((id) => `Person:${id}`),
      ),
    },
    {
      name: 'neighbourhood 1 hop: employer',
      group: 'neighbourhood',
      targetP95Ms: 100,
      peer: service,
      requests: around(
        [...targets.employers.red, ...targets.employers.ofPersons].map((id) => `Employer:${id}`),
      ),
    },
    {
      name: 'shortest paths (2–4 hops)',
      group: 'paths',
      targetP95Ms: 200,
      peer: service,
      requests: targets.pairs.map(({ from, to, hops }) => ({
        path: `/api/network/paths?${qs({ from, to })}`,
        call: { run: () => shortestPaths(db, { from, to }, viewer), tag: `${hops} hops` },
      })),
    },
  ];
}
