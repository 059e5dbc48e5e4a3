// The entity types the API names in its paths and filters (`employer`, `person`, `staff`) and
// the node labels they stand for. Labels reach Cypher only from this whitelist.
import { z } from 'zod';

export const entityTypes = ['employer', 'person', 'staff'] as const;
export const EntityTypeSchema = z.enum(entityTypes);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const entityLabel = {
  employer: 'Employer',
  person: 'Person',
  staff: 'Staff',
} as const satisfies Record<EntityType, string>;

/** Every node label of the graph model (DESIGN.md), as the API reports node types. */
export const nodeLabels = [
  'Employer',
  'Person',
  'Staff',
  'Address',
  'Account',
  'Contact',
  'Claim',
  'Inspection',
  'Case',
  'Community',
] as const;
export const NodeLabelSchema = z.enum(nodeLabels);
export type NodeLabel = z.infer<typeof NodeLabelSchema>;

/** Every relationship type of the graph model (DESIGN.md). */
export const relationshipTypes = [
  'EMPLOYED_BY',
  'WORKS_FOR_CLIENT',
  'DIRECTS',
  'LIVES_AT',
  'SEATED_AT',
  'HOUSEHOLD',
  'HOLDS',
  'USES',
  'SUBCONTRACTS_TO',
  'CLAIMED',
  'PROCESSED_BY',
  'PAID_TO',
  'RESTS_ON',
  'IS',
  'OF',
  'CONCERNS',
  'IN_COMMUNITY',
] as const;
export const RelationshipTypeSchema = z.enum(relationshipTypes);
export type RelationshipType = z.infer<typeof RelationshipTypeSchema>;

/** An id as the contract defines it: 1–64 characters of [A-Za-z0-9_.-]. */
export const EntityIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'an id of 1–64 characters A–Z, a–z, 0–9, _ . -');
