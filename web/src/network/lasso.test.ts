import { describe, expect, it } from 'vitest';
import { insidePolygon, lassoed } from './lasso.js';

const square = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 0, y: 10 },
];

describe('lasso', () => {
  it('tells points inside a polygon from points outside', () => {
    expect(insidePolygon({ x: 5, y: 5 }, square)).toBe(true);
    expect(insidePolygon({ x: 15, y: 5 }, square)).toBe(false);
    // A concave polygon: the notch is outside.
    const u = [
      { x: 0, y: 0 },
      { x: 3, y: 0 },
      { x: 3, y: 7 },
      { x: 7, y: 7 },
      { x: 7, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
    ];
    expect(insidePolygon({ x: 5, y: 3 }, u)).toBe(false);
    expect(insidePolygon({ x: 5, y: 8 }, u)).toBe(true);
  });

  it('selects the keys inside, none for a stroke of fewer than three points', () => {
    const positions: [string, { x: number; y: number }][] = [
      ['a', { x: 1, y: 1 }],
      ['b', { x: 11, y: 1 }],
      ['c', { x: 9, y: 9 }],
    ];
    expect(lassoed(square, positions)).toEqual(['a', 'c']);
    expect(lassoed(square.slice(0, 2), positions)).toEqual([]);
  });
});
