// The inputs every metric takes, and the one check they all run first.
//
// Scores are an array-like of finite numbers (number[] or Float64Array), higher meaning more
// suspicious; labels are booleans in the same order, true = the inspection confirmed an
// offence (a "hit"), false = it found none. Entities without a closed inspection have no label
// and must be left out by the caller: every metric here is computed over labelled entities.
import { BadInputError } from '../../errors.js';

export type Scores = ArrayLike<number>;
export type Labels = readonly boolean[];

/** Throws a BadInputError unless scores and labels have the same length and scores are finite. */
export function checkScored(fn: string, scores: Scores, labels: Labels): void {
  if (scores.length !== labels.length) {
    throw new BadInputError(
      `evaluation: ${fn} got ${scores.length} scores but ${labels.length} labels; pass one label per score, in the same order`,
    );
  }
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) {
      throw new BadInputError(
        `evaluation: ${fn} got a score that is not a finite number (${scores[i]}) at position ${i}; drop or repair unscored entities first`,
      );
    }
  }
}

/** Number of true labels. */
export function countPositives(labels: Labels): number {
  let p = 0;
  for (const y of labels) if (y) p++;
  return p;
}

/**
 * Indices sorted by score, highest first; equal scores keep their input order (the sort is
 * stable), which only matters to callers that walk ties as a group anyway. O(n log n).
 */
export function orderByScoreDesc(scores: Scores): number[] {
  const order = Array.from({ length: scores.length }, (_, i) => i);
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  return order;
}

/**
 * Walks the entities from the highest score down, one run of equal scores at a time, calling
 * `visit` with the score of the run and the cumulative true and false positives after it.
 */
export function forEachThreshold(
  scores: Scores,
  labels: Labels,
  visit: (threshold: number, tp: number, fp: number) => void,
): void {
  const order = orderByScoreDesc(scores);
  let tp = 0;
  let fp = 0;
  let i = 0;
  while (i < order.length) {
    const s = scores[order[i] as number] as number;
    while (i < order.length && scores[order[i] as number] === s) {
      if (labels[order[i] as number]) tp++;
      else fp++;
      i++;
    }
    visit(s, tp, fp);
  }
}
