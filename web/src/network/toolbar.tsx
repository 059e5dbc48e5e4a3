// The canvas's buttons: layout start/stop, camera (fit, zoom), selection tools (lasso, select
// community, show hidden) and exports of what is drawn.
const formats = ['png', 'gexf', 'json'] as const;

export interface ToolbarProps {
  layoutRunning: boolean;
  lasso: boolean;
  hiddenCount: number;
  empty: boolean;
  onLayout: () => void;
  onFit: () => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onLasso: () => void;
  onSelectCommunity: () => void;
  onShowHidden: () => void;
  onExport: (format: (typeof formats)[number]) => void;
}

export function Toolbar(p: ToolbarProps) {
  return (
    <div class="network-toolbar" role="toolbar" aria-label="Network tools">
      <div class="group">
        <button
          type="button"
          class="secondary"
          disabled={p.empty}
          onClick={p.onLayout}
          aria-pressed={p.layoutRunning}
        >
          {p.layoutRunning ? 'Stop layout' : 'Run layout'}
        </button>
        <button type="button" class="secondary" onClick={p.onFit} disabled={p.empty}>
          Fit to view
        </button>
        <button type="button" class="secondary" onClick={p.onZoomIn} aria-label="Zoom in">
          +
        </button>
        <button type="button" class="secondary" onClick={p.onZoomOut} aria-label="Zoom out">
          −
        </button>
      </div>
      <div class="group">
        <button
          type="button"
          class="secondary"
          aria-pressed={p.lasso}
          onClick={p.onLasso}
          disabled={p.empty}
        >
          {p.lasso ? 'End lasso' : 'Lasso select'}
        </button>
        <button type="button" class="secondary" onClick={p.onSelectCommunity} disabled={p.empty}>
          Select community
        </button>
        {p.hiddenCount > 0 && (
          <button type="button" class="secondary" onClick={p.onShowHidden}>
            Show {p.hiddenCount} hidden
          </button>
        )}
      </div>
      <div class="group">
        <span class="muted">Export</span>
        {formats.map((format) => (
          <button
            key={format}
            type="button"
            class="secondary"
            onClick={() => p.onExport(format)}
            disabled={p.empty}
          >
            {format.toUpperCase()}
          </button>
        ))}
      </div>
    </div>
  );
}
