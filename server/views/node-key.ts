// Node keys as the API takes them (`Label:id`, the key GraphNode carries): the label from the
// whitelist of entity-types.ts, the id as the contract spells it. A contact's id is
// `channel:value_hash` (loaders/graph-rows.ts), so an id may hold one colon.
import { z } from 'zod';
import { nodeLabels, type NodeLabel } from './entity-types.js';

const idPart = '[A-Za-z0-9_.-]{1,64}';
const keyPattern = new RegExp(`^(${nodeLabels.join('|')}):(${idPart}(?::${idPart})?)$`);

export interface ParsedNodeKey {
  label: NodeLabel;
  id: string;
}

export const NodeKeySchema = z
  .string()
  .regex(
    keyPattern,
    `a node key Label:id, the label one of ${nodeLabels.join(', ')}, the id 1–64 characters A–Z, a–z, 0–9, _ . - (e.g. Employer:E1)`,
  );

/** Splits a key that NodeKeySchema accepted. */
export function parseNodeKey(key: string): ParsedNodeKey {
  const match = keyPattern.exec(key);
  if (!match) throw new Error(`views: "${key}" is not a node key (Label:id)`);
  return { label: match[1] as NodeLabel, id: match[2]! };
}
