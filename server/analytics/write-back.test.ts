// Which pass writes a member's change of community (membershipLane, write-back.ts): lanes that
// run side by side must never lock the same Community node, so a member that leaves one lane's
// community for another lane's goes in the pass after them.
import { describe, expect, it } from 'vitest';
import { membershipLane } from './write-back.js';

/** Community ids falling in lanes 0 and 1 of two, found by trying. */
function communitiesByLane() {
  const byLane: string[][] = [[], []];
  for (let i = 0; byLane.some((ids) => ids.length < 2); i++) {
    const id = `C${i}`;
    const lane = membershipLane(id, undefined, 2);
    if (byLane[lane]!.length < 2) byLane[lane]!.push(id);
  }
  return byLane as [[string, string], [string, string]];
}

describe('membership lanes', () => {
  const [[a0, b0], [a1]] = communitiesByLane();

  it('puts a member in the lane of the community it joins, or else leaves', () => {
    expect(membershipLane(a0, undefined, 2)).toBe(0);
    expect(membershipLane(a1, undefined, 2)).toBe(1);
    expect(membershipLane(undefined, a1, 2)).toBe(1);
    expect(membershipLane(undefined, undefined, 2)).toBe(0);
  });

  it('keeps a move within one lane in that lane', () => {
    expect(membershipLane(a0, b0, 2)).toBe(0);
  });

  it('writes a move between two lanes after them, alone', () => {
    expect(membershipLane(a0, a1, 2)).toBe(-1);
    expect(membershipLane(a1, a0, 2)).toBe(-1);
  });

  it('gives every community one lane, the same every time', () => {
    const lanes = Array.from({ length: 200 }, (_, i) => membershipLane(`C${i}`, undefined, 3));
    expect(new Set(lanes)).toEqual(new Set([0, 1, 2]));
    expect(Array.from({ length: 200 }, (_, i) => membershipLane(`C${i}`, undefined, 3))).toEqual(
      lanes,
    );
  });
});
