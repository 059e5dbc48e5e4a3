// The arithmetic behind moving the camera without redrawing (explorer-renderer.ts): how the
// last drawn frame must be scaled and shifted to show the graph from a new camera position, and
// whether full frames are too slow to draw one per animation frame.
import type { Point } from './lasso.js';

/** A CSS transform (origin at the top-left corner): x' = scale·x + x, y' = scale·y + y. */
export interface MoveTransform {
  scale: number;
  x: number;
  y: number;
}

/**
 * The transform that takes the viewport positions of two graph points as drawn (a0, a1) to their
 * positions from the new camera (b0, b1). Exact for pans and zooms (a camera without rotation
 * maps the graph to the screen by a scale and a shift); null when the points coincide.
 */
export function moveTransform(a0: Point, a1: Point, b0: Point, b1: Point): MoveTransform | null {
  const drawn = Math.hypot(a1.x - a0.x, a1.y - a0.y);
  if (!(drawn > 0)) return null;
  const scale = Math.hypot(b1.x - b0.x, b1.y - b0.y) / drawn;
  if (!Number.isFinite(scale) || scale <= 0) return null;
  return { scale, x: b0.x - scale * a0.x, y: b0.y - scale * a0.y };
}

export function cssTransform(t: MoveTransform): string {
  return `translate(${t.x.toFixed(2)}px, ${t.y.toFixed(2)}px) scale(${t.scale.toFixed(5)})`;
}

/**
 * How long full frames take, from the last few: a frame over the budget (default 50 ms, under
 * 20 frames per second) means camera moves are shown by moving the last frame instead.
 */
export class FrameCosts {
  private readonly costs: number[] = [];

  constructor(
    private readonly budgetMs = 50,
    private readonly window = 5,
  ) {}

  add(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.costs.push(ms);
    if (this.costs.length > this.window) this.costs.shift();
  }

  /** The median of the recent frames, or null before the first. */
  median(): number | null {
    if (this.costs.length === 0) return null;
    const sorted = [...this.costs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }

  slow(): boolean {
    const median = this.median();
    return median !== null && median > this.budgetMs;
  }
}
