// Sigma, with camera moves that stay smooth where full frames are slow.
//
// Where WebGL has no GPU (software rendering, as on many virtual desktops), a full sigma frame of
// a big graph takes hundreds of milliseconds, and most of it is not the drawing but handing the
// redrawn layers to the compositor. So, while full frames are over budget (camera-move.ts), a
// camera change does not redraw: the last drawn frame's layers are scaled and shifted by a CSS
// transform to where the new camera puts them (exact for pans and zooms) — the compositor moves
// unchanged layers at display speed — and one full frame is drawn once the camera has rested
// for a moment (or as soon as anything else changes: data, hover, selection). Meanwhile the
// edges and labels move with the nodes; areas that come into view fill in at that full frame,
// as on a map. Where full frames are fast, sigma draws every frame as usual.
import type Graph from 'graphology';
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { CameraState, CoordinateConversionOverride, Coordinates } from 'sigma/types';
import { cssTransform, FrameCosts, moveTransform } from './camera-move.js';
import type { EdgeAttributes, NodeAttributes } from './graph-model.js';

/** How long the camera rests before the moved frame is redrawn in full. */
const REST_MS = 150;
/** Layers moved with the camera; the other drawing layers (hover, edge labels) hide meanwhile. */
const MOVED_LAYERS = ['edges', 'nodes', 'labels'];
const HIDDEN_LAYERS = ['edgeLabels', 'hovers', 'hoverNodes'];

/** auto: move the last frame while full frames are over budget; always / never: regardless. */
export type MoveMode = 'auto' | 'always' | 'never';

export interface MoveStats {
  /** Frames shown by moving the last full frame. */
  moved: number;
  /** Full frames drawn. */
  drawn: number;
  /** Whether camera moves are shown by moving the last frame (full frames over budget). */
  fastMoves: boolean;
  /** Median cost of the recent full frames, ms. */
  frameMs: number | null;
}

interface MoveState {
  mode: MoveMode;
  costs: FrameCosts;
  /** The camera of the frame on screen, null when something besides the camera changed. */
  drawnCamera: CameraState | null;
  moveFrame: number;
  restTimer: ReturnType<typeof setTimeout> | null;
  measuring: boolean;
  transformed: boolean;
  renderStart: number;
  moved: number;
  drawn: number;
}

/** Whether the frame on screen is a moved one, or one about to be moved: behind the camera. */
function behindCamera(s: MoveState): boolean {
  return s.transformed || s.moveFrame !== 0;
}

export class ExplorerRenderer extends Sigma<NodeAttributes, EdgeAttributes> {
  // Sigma's constructor already refreshes and renders, before this class's fields exist: the
  // state is created on first use, from any of the overridden methods.
  declare private moveState: MoveState | undefined;

  constructor(
    graph: Graph<NodeAttributes, EdgeAttributes>,
    container: HTMLElement,
    settings?: Partial<Settings<NodeAttributes, EdgeAttributes>>,
  ) {
    super(graph, container, settings);
    this.on('beforeRender', () => this.beforeFullFrame());
    this.on('afterRender', () => this.afterFullFrame());
    // A press finds the node under the pointer in the last full frame's picking layer: when the
    // frame on screen is a moved one, draw in full first (capture: before sigma's listeners).
    container.addEventListener('pointerdown', this.beforePress, true);
  }

  /** Whether camera moves may be shown by moving the last frame (for tests and benches). */
  setMoveMode(mode: MoveMode): void {
    this.state.mode = mode;
    this.scheduleFullFrame();
  }

  moveStats(): MoveStats {
    const s = this.state;
    return {
      moved: s.moved,
      drawn: s.drawn,
      fastMoves: this.fastMoves(s),
      frameMs: s.costs.median(),
    };
  }

  override refresh(opts?: Parameters<Sigma['refresh']>[0]): this {
    // New data, hover or styling: the frame on screen no longer matches, whatever the camera.
    if (this.moveState) this.moveState.drawnCamera = null;
    return super.refresh(opts);
  }

  override scheduleRender(): this {
    const s = this.moveState;
    if (!s || !this.canMove(s)) return super.scheduleRender();
    if (!s.moveFrame) {
      s.moveFrame = requestAnimationFrame(() => {
        s.moveFrame = 0;
        if (this.canMove(s)) this.moveFrameOnScreen(s);
        else super.scheduleRender();
      });
    }
    return this;
  }

  /**
   * Sigma converts with the matrix of its last full frame; while a moved frame is on screen the
   * camera is elsewhere, so positions (the lasso, tests) follow the camera instead.
   */
  override framedGraphToViewport(
    coordinates: Coordinates,
    override: CoordinateConversionOverride = {},
  ): Coordinates {
    const s = this.moveState;
    const moved = s && behindCamera(s) && !override.matrix && !override.cameraState;
    return super.framedGraphToViewport(
      coordinates,
      moved ? { ...override, cameraState: this.getCamera().getState() } : override,
    );
  }

  override kill(): void {
    this.getContainer().removeEventListener('pointerdown', this.beforePress, true);
    const s = this.moveState;
    if (s) {
      if (s.moveFrame) cancelAnimationFrame(s.moveFrame);
      if (s.restTimer !== null) clearTimeout(s.restTimer);
      s.mode = 'never';
    }
    super.kill();
  }

  private readonly beforePress = () => {
    if (behindCamera(this.state)) this.drawNow();
  };

  /** A full frame at once (no reprocessing of the graph: only the camera changed). */
  private drawNow(): void {
    super.refresh({ partialGraph: {}, skipIndexation: true });
  }

  private get state(): MoveState {
    this.moveState ??= {
      mode: 'auto',
      costs: new FrameCosts(),
      drawnCamera: null,
      moveFrame: 0,
      restTimer: null,
      measuring: false,
      transformed: false,
      renderStart: 0,
      moved: 0,
      drawn: 0,
    };
    return this.moveState;
  }

  private fastMoves(s: MoveState): boolean {
    return s.mode === 'always' || (s.mode === 'auto' && s.costs.slow());
  }

  private canMove(s: MoveState): boolean {
    const drawn = s.drawnCamera;
    return this.fastMoves(s) && drawn !== null && drawn.angle === this.getCamera().angle;
  }

  /** Shows the camera's new position by moving the layers of the frame on screen. */
  private moveFrameOnScreen(s: MoveState): void {
    const drawn = s.drawnCamera!;
    const camera = this.getCamera();
    // Back where the frame was drawn: it needs no move.
    if (camera.hasState(drawn)) return this.resetLayers(s);
    const now = camera.getState();
    const p0 = { x: drawn.x, y: drawn.y };
    const p1 = { x: drawn.x + drawn.ratio, y: drawn.y };
    const transform = moveTransform(
      this.framedGraphToViewport(p0, { cameraState: drawn }),
      this.framedGraphToViewport(p1, { cameraState: drawn }),
      this.framedGraphToViewport(p0, { cameraState: now }),
      this.framedGraphToViewport(p1, { cameraState: now }),
    );
    if (!transform) return void super.scheduleRender();
    const canvases = this.getCanvases();
    const css = cssTransform(transform);
    for (const name of MOVED_LAYERS) {
      const canvas = canvases[name];
      if (!canvas) continue;
      canvas.style.transformOrigin = '0 0';
      canvas.style.transform = css;
    }
    for (const name of HIDDEN_LAYERS) canvases[name]?.style.setProperty('visibility', 'hidden');
    s.transformed = true;
    s.moved++;
    if (s.restTimer !== null) clearTimeout(s.restTimer);
    s.restTimer = setTimeout(() => {
      s.restTimer = null;
      this.scheduleFullFrame();
    }, REST_MS);
  }

  private scheduleFullFrame(): void {
    const s = this.state;
    s.drawnCamera = null;
    super.scheduleRender();
  }

  private beforeFullFrame(): void {
    const s = this.state;
    s.renderStart = performance.now();
    this.resetLayers(s);
  }

  private resetLayers(s: MoveState): void {
    if (!s.transformed) return;
    const canvases = this.getCanvases();
    for (const name of MOVED_LAYERS) canvases[name]?.style.removeProperty('transform');
    for (const name of HIDDEN_LAYERS) canvases[name]?.style.removeProperty('visibility');
    s.transformed = false;
  }

  private afterFullFrame(): void {
    const s = this.state;
    s.drawnCamera = this.getCamera().getState();
    s.drawn++;
    if (s.restTimer !== null) clearTimeout(s.restTimer);
    s.restTimer = null;
    // A frame's cost shows two animation frames later: the next one waits for this one to
    // reach the screen. One measurement at a time.
    if (s.measuring) return;
    s.measuring = true;
    const start = s.renderStart;
    requestAnimationFrame(() =>
      requestAnimationFrame((t) => {
        s.measuring = false;
        // Two frames at display rate are not cost: subtract one frame interval's worth.
        s.costs.add(Math.max(0, t - start - 16.7));
      }),
    );
  }
}
