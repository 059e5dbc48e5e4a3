// What the network bench page measures (web/bench/network-bench.tsx), as bench/web-network.ts reads it.

export interface LoadFigures {
  /** ms from the JSON in hand to: parsed and in the graph, first frame drawn, main thread free. */
  merged: number;
  firstFrame: number;
  interactive: number;
  /** ms until ForceAtlas2 stopped by itself (component only). */
  laidOut: number | null;
  /** ForceAtlas2 iterations done by then (component only). */
  iterations: number | null;
  /** ms from the JSON in hand to: layout started, first and last positions received, last
   * positions applied (component only). */
  layoutTimings: Record<string, number> | null;
  /** Longest gap between animation frames from the first frame until the layout stopped. */
  longestFrameGapMs: number;
  order: number;
  size: number;
}

export interface PanFigures {
  frames: number;
  seconds: number;
  fps: number;
  medianFrameMs: number;
  p95FrameMs: number;
  worstFrameMs: number;
  /** Component only: frames shown by moving the last full frame, and full frames drawn. */
  movedFrames: number | null;
  fullFrames: number | null;
  /** Component only: ms from the camera's last move to the full frame on screen. */
  restToFullMs: number | null;
}
