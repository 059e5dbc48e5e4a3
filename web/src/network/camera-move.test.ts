import { describe, expect, it } from 'vitest';
import { cssTransform, FrameCosts, moveTransform, type MoveTransform } from './camera-move.js';

const apply = (t: MoveTransform, p: { x: number; y: number }) => ({
  x: t.scale * p.x + t.x,
  y: t.scale * p.y + t.y,
});

describe('moveTransform', () => {
  it('shifts the frame for a pan', () => {
    const t = moveTransform({ x: 10, y: 20 }, { x: 60, y: 20 }, { x: -5, y: 32 }, { x: 45, y: 32 });
    expect(t).toEqual({ scale: 1, x: -15, y: 12 });
  });

  it('scales about the point that stays put for a zoom, and maps any third point', () => {
    // Zoom ×2 about (100, 50): a viewport point p goes to 2·p − (100, 50).
    const zoom = (p: { x: number; y: number }) => ({ x: 2 * p.x - 100, y: 2 * p.y - 50 });
    const a0 = { x: 30, y: 70 };
    const a1 = { x: 130, y: 10 };
    const t = moveTransform(a0, a1, zoom(a0), zoom(a1))!;
    expect(t.scale).toBeCloseTo(2, 12);
    const p = { x: 400, y: 300 };
    expect(apply(t, p).x).toBeCloseTo(zoom(p).x, 9);
    expect(apply(t, p).y).toBeCloseTo(zoom(p).y, 9);
    expect(apply(t, { x: 100, y: 50 })).toEqual({ x: 100, y: 50 });
  });

  it('gives no transform when the drawn points coincide or the new ones do', () => {
    const p = { x: 1, y: 1 };
    expect(moveTransform(p, p, p, { x: 2, y: 2 })).toBeNull();
    expect(moveTransform(p, { x: 2, y: 2 }, p, p)).toBeNull();
  });

  it('writes the transform as CSS (origin at the top-left corner)', () => {
    expect(cssTransform({ scale: 0.5, x: 12.345, y: -3 })).toBe(
      'translate(12.35px, -3.00px) scale(0.50000)',
    );
  });
});

describe('FrameCosts', () => {
  it('knows nothing before the first frame', () => {
    const costs = new FrameCosts();
    expect(costs.median()).toBeNull();
    expect(costs.slow()).toBe(false);
  });

  it('is slow when the median of the recent frames is over budget', () => {
    const costs = new FrameCosts(50, 3);
    costs.add(20);
    costs.add(400);
    expect(costs.median()).toBe(210);
    expect(costs.slow()).toBe(true);
    costs.add(30);
    expect(costs.median()).toBe(30);
    expect(costs.slow()).toBe(false);
  });

  it('forgets frames older than its window and ignores nonsense', () => {
    const costs = new FrameCosts(50, 2);
    costs.add(500);
    costs.add(10);
    costs.add(12);
    costs.add(Number.NaN);
    costs.add(-4);
    expect(costs.median()).toBe(11);
  });
});
