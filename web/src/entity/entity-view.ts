// The entity page's pure parts: where an entity's page and network are, the timeline in the
// order asked, and the score's arithmetic in lines a reader can check (the contributions shown,
// the rest, the baseline, the log-odds, the probability).
import type { EntityFeature, Reasons, TimelineEvent } from '../rankings/types.js';

/** The API's entity types by the graph's node label (the timeline names its others by label). */
const typeOfLabel: Record<string, string> = {
  Employer: 'employer',
  Person: 'person',
  Staff: 'staff',
};
const labelOfType: Record<string, string> = {
  employer: 'Employer',
  person: 'Person',
  staff: 'Staff',
};

/** The entity type of an API type or a node label, or null for nodes with no page. */
export function entityType(typeOrLabel: string): string | null {
  if (labelOfType[typeOrLabel]) return typeOrLabel;
  return typeOfLabel[typeOrLabel] ?? null;
}

/** The explorer's page of an employer, person or official; null for other nodes. */
export function entityPath(typeOrLabel: string, id: string): string | null {
  const type = entityType(typeOrLabel);
  return type ? `/entities/${type}/${encodeURIComponent(id)}` : null;
}

/** The network page opened on this entity: `/network?nodes=Employer:E1`. */
export function networkPath(type: string, id: string): string {
  const label = labelOfType[type] ?? type;
  return `/network?${new URLSearchParams({ nodes: `${label}:${id}` }).toString()}`;
}

/**
 * The timeline oldest or newest first, undated events last either way (the API sends it oldest
 * first; sorting again keeps the page right whatever order arrives). Stable for equal dates.
 */
export function orderedTimeline(
  events: readonly TimelineEvent[],
  newestFirst: boolean,
): TimelineEvent[] {
  const indexed = events.map((event, index) => ({ event, index }));
  indexed.sort((a, b) => {
    const da = a.event.date;
    const db = b.event.date;
    if (da === db) return a.index - b.index;
    if (da === null) return 1;
    if (db === null) return -1;
    return (da < db ? -1 : 1) * (newestFirst ? -1 : 1);
  });
  return indexed.map((x) => x.event);
}

/** A timeline's relation types in words ("jobs"), for the cut and its "older" button. */
const relationWords: Record<string, string> = {
  EMPLOYED_BY: 'jobs',
  WORKS_FOR_CLIENT: 'self-employment clients',
  DIRECTS: 'directorships',
  SEATED_AT: 'seats',
  SUBCONTRACTS_TO: 'subcontracts',
  CLAIMED: 'claims',
  LIVES_AT: 'residences',
  OF: 'inspections',
};

export function relationInWords(relation: string): string {
  return relationWords[relation] ?? relation;
}

/** The kinds present in a timeline, in order of first appearance (for the kind filter). */
export function timelineKinds(events: readonly TimelineEvent[]): string[] {
  return [...new Set(events.map((e) => e.kind))];
}

export interface ArithmeticLine {
  label: string;
  value: number;
}

/**
 * How the contributions add up to the score: the ones shown, the other inputs together, and the
 * baseline (intercept) sum to the log-odds, and 1 / (1 + e^−logOdds) is the probability.
 */
export function scoreArithmetic(reasons: Reasons): {
  lines: ArithmeticLine[];
  logOdds: number;
  probability: number;
  /** The shown lines' sum minus the stated log-odds (rounding only, when the reasons are whole). */
  gap: number;
} {
  const lines: ArithmeticLine[] = [
    ...reasons.contributions.map((c) => ({ label: c.description, value: c.contribution })),
    { label: 'all other inputs together', value: reasons.otherContributions },
    { label: 'baseline (the model’s intercept)', value: reasons.intercept },
  ];
  const sum = lines.reduce((total, l) => total + l.value, 0);
  return {
    lines,
    logOdds: reasons.logOdds,
    probability: 1 / (1 + Math.exp(-reasons.logOdds)),
    gap: sum - reasons.logOdds,
  };
}

/** The unit of each feature by name, to write a contribution's value as its feature is. */
export function unitsByFeature(features: readonly EntityFeature[]): Map<string, string | null> {
  return new Map(features.map((f) => [f.name, f.unit]));
}

/** The offences by their probability, highest first. */
export function offencesByProbability(offences: Record<string, number>): [string, number][] {
  return Object.entries(offences).sort(([a, pa], [b, pb]) => pb - pa || (a < b ? -1 : 1));
}
