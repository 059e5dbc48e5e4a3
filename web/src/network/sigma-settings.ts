// Sigma's settings for the explorer: nodes drawn with a ring (the band) around a fill (the
// entity type); labels kept readable by a grid that lets one label per cell through and a size
// threshold that grows with the graph; big graphs draw edges as plain lines. (Camera moves stay
// smooth on slow renderers by moving the last frame: explorer-renderer.ts.)
import { createNodeBorderProgram } from '@sigma/node-border';
import { EdgeLineProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeAttributes, NodeAttributes } from './graph-model.js';

export const BorderedNode = createNodeBorderProgram<NodeAttributes, EdgeAttributes>({
  borders: [
    { size: { value: 0.28 }, color: { attribute: 'borderColor' } },
    { size: { fill: true }, color: { attribute: 'color' } },
  ],
});

/** Above this many nodes the explorer draws for speed: fewer labels, one-pixel edges. */
export const LARGE_GRAPH = 3000;

export function sizeSettings(order: number): Partial<Settings<NodeAttributes, EdgeAttributes>> {
  const large = order > LARGE_GRAPH;
  return {
    // One-pixel GL lines cost far less to fill than sigma's default rectangles; highlighted
    // relations still get rectangles (reducers.ts).
    defaultEdgeType: large ? 'thin' : 'line',
    labelRenderedSizeThreshold: large ? 11 : order > 300 ? 7 : 3,
    labelDensity: large ? 0.35 : 0.8,
  };
}

export function baseSettings(order: number): Partial<Settings<NodeAttributes, EdgeAttributes>> {
  return {
    defaultNodeType: 'bordered',
    nodeProgramClasses: { bordered: BorderedNode },
    edgeProgramClasses: { thin: EdgeLineProgram },
    defaultEdgeColor: '#b9c1cc',
    renderEdgeLabels: false,
    labelFont: 'system-ui, "DejaVu Sans", sans-serif',
    labelSize: 12,
    labelWeight: '500',
    labelColor: { color: '#1d2430' },
    labelGridCellSize: 90,
    zIndex: true,
    minCameraRatio: 0.02,
    maxCameraRatio: 8,
    stagePadding: 24,
    ...sizeSettings(order),
  };
}
