// What in a score can tell that an official is involved — for the internal-fraud unit (and
// admins) only, masked for every other viewer (DESIGN.md, "Accountability"; roles.ts
// `canSeeStaff`). One list of staff-revealing features; the rest follows from it: a fired rule
// or a contribution is staff-revealing when it reads one of them (a rule: the fields of its
// condition and reason, `ruleReads`; a contribution: its feature, or a rule hit's rule's fields),
// evidence when it comes from one or names an official.
//
// The score and band stay what they are for everyone; only their explanation is masked, and
// silently: a note would itself tell that an official is involved.
import { topReason, type Reasons } from './reasons.js';

/**
 * Features that can tell a person is an official or is linked to one: the IS link's degree, and
 * the hops to the official who processed their claim (0: the official is the claimant).
 */
export const staffRevealingFeatures: ReadonlySet<string> = new Set([
  'f_degree_is',
  'f_staff_proximity',
]);

/** Whether something that reads these fields may tell that an official is involved. */
export function revealsStaff(reads: readonly string[]): boolean {
  return reads.some((field) => staffRevealingFeatures.has(field));
}

/**
 * The reasons as a viewer who may not see officials gets them: staff-revealing rules and evidence
 * left out, and staff-revealing contributions too — folded into `otherContributions`, so the
 * arithmetic still adds up to the score (a row with its value blanked would still say, by being
 * there and by its sign, that the person is linked to an official: a missing feature contributes
 * nothing and is never listed, and a rule hit is either fired or not).
 */
export function maskReasons(reasons: Reasons): Reasons {
  // Reasons scored before `reads` was recorded: a contribution reads its input; a rule cannot
  // be judged, so it is left out until the next scoring.
  const contributionReveals = (c: Reasons['contributions'][number]) =>
    revealsStaff(c.reads ?? [c.input]);
  const hidden = reasons.contributions.filter(contributionReveals);
  return {
    ...reasons,
    contributions: reasons.contributions.filter((c) => !contributionReveals(c)),
    otherContributions:
      reasons.otherContributions + hidden.reduce((sum, c) => sum + c.contribution, 0),
    rules: reasons.rules.filter((r) => r.reads !== undefined && !revealsStaff(r.reads)),
    evidence: reasons.evidence.filter(
      (e) => !staffRevealingFeatures.has(e.feature) && !e.entities.some((x) => x.type === 'staff'),
    ),
  };
}

/**
 * The top reason a viewer who may not see officials gets: the one `topReason` would choose among
 * the reasons they see (null when none is left). Scoring stores it next to the full one
 * (`risk_top_reason_masked` beside `risk_top_reason`), so the rankings pick one of two properties
 * per row instead of reading and parsing every row's reasons.
 */
export function maskedTopReason(reasons: Reasons): string | null {
  return topReason(maskReasons(reasons));
}
