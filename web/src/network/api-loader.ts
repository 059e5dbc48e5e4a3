// The explorer's loads over the HTTP API (server/api/view-routes.ts): neighbourhoods, a hub's
// pages, communities and shortest paths, all dates (the time slider filters in the page). Each read is audited with the explorer as its purpose.
import { api } from '../api.js';
import type { Loader } from './explorer-session.js';
import type { CommunityView, GraphView, PathsView } from './graph-types.js';

const purpose = 'network explorer';

export function apiLoader(options: { signal?: AbortSignal } = {}): Loader {
  const common = { purpose, ...(options.signal ? { signal: options.signal } : {}) };
  return {
    neighbourhood: (keys, { depth, cap }) =>
      api.get<GraphView>('/network/neighbourhood', {
        ...common,
        query: { nodes: keys.join(','), depth, cap },
      }),
    hubPage: (key, page) =>
      api.get<GraphView>('/network/neighbourhood', {
        ...common,
        query: { expand: key, page, pageSize: 50 },
      }),
    community: (id, limit) =>
      api.get<CommunityView>(`/network/communities/${encodeURIComponent(id)}`, {
        ...common,
        query: { limit },
      }),
    paths: (from, to) => api.get<PathsView>('/network/paths', { ...common, query: { from, to } }),
  };
}
