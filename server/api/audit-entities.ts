// Which entities an answer concerns, for its audit record: the people, employers, officials,
// claims, inspections and cases in it (addresses, accounts, contacts and communities are the
// links between them, not subjects).
import type { GraphView } from '../views/graph-shape.js';

const subjects = new Set(['Person', 'Employer', 'Staff', 'Claim', 'Inspection', 'Case']);

export function graphSubjects(view: Pick<GraphView, 'nodes'>): string[] {
  return view.nodes.filter((n) => subjects.has(n.type) && !n.collapsed).map((n) => n.key);
}
