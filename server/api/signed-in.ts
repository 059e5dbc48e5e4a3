// The viewer of a route that is not public: mount.ts has already refused a request without a
// session, so a missing viewer here is a wiring mistake, reported as 401 rather than a crash.
import type { Viewer } from '../auth/roles.js';
import { UnauthenticatedError } from '../errors.js';

export function signedInViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError('api: sign in first (POST /api/auth/login)');
  return viewer;
}
