// The roles of DESIGN.md ("Who uses it") and who is asking: every route declares the roles that
// may call it, and the server enforces that list (server/api/route.ts), never the client.
import { z } from 'zod';

export const roles = ['investigator', 'analyst', 'internal_fraud', 'supervisor', 'admin'] as const;
export const RoleSchema = z.enum(roles);
export type Role = z.infer<typeof RoleSchema>;

/** The signed-in user a service works for. */
export interface Viewer {
  username: string;
  role: Role;
}

/** Only the internal-fraud unit (and admins) see agency staff: their nodes, scores and links. */
export function canSeeStaff(viewer: Viewer): boolean {
  return viewer.role === 'internal_fraud' || viewer.role === 'admin';
}
