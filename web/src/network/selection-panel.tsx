// The side panel: the selected node (type, band, score, display attributes, a link to its
// entity page) or a summary of several, with what can be done to them: expand, collapse, hide,
// find the shortest paths between two.
import { Link } from '../router.js';
import { BandBadge } from '../ui/band.js';
import type { ExplorerGraph } from './graph-model.js';
import { typeNames } from './graph-style.js';
import { entityHref } from './graph-types.js';
import type { PathHighlight } from './explorer-session.js';

export interface SelectionPanelProps {
  graph: ExplorerGraph;
  selected: string[];
  busy: boolean;
  path: PathHighlight | null;
  isExpanded: (key: string) => boolean;
  onExpand: (key: string) => void;
  onCollapse: (key: string) => void;
  onHide: (keys: string[]) => void;
  onFocus: (key: string) => void;
  onFindPaths: (from: string, to: string) => void;
  onClearPath: () => void;
  onClear: () => void;
}

export function SelectionPanel(props: SelectionPanelProps) {
  const { graph, selected, busy } = props;
  const keys = selected.filter((k) => graph.hasNode(k));
  return (
    <section class="panel network-selection" aria-labelledby="selection-title">
      <h2 id="selection-title">Selection</h2>
      {keys.length === 0 ? (
        <p class="muted">
          Click a node to select it; shift-click to add more, or draw a lasso. Double-click expands
          a node.
        </p>
      ) : keys.length === 1 ? (
        <NodeDetails {...props} nodeKey={keys[0]!} />
      ) : (
        <>
          <p>{keys.length.toLocaleString('en')} nodes selected.</p>
          <ul class="selection-list">
            {keys.slice(0, 8).map((k) => (
              <li key={k}>
                <button type="button" class="link" onClick={() => props.onFocus(k)}>
                  {graph.getNodeAttribute(k, 'name')}
                </button>{' '}
                <span class="muted">{typeNames[graph.getNodeAttribute(k, 'nodeType')]}</span>
              </li>
            ))}
            {keys.length > 8 && <li class="muted">and {keys.length - 8} more</li>}
          </ul>
          <div class="row">
            <button type="button" class="secondary" onClick={() => props.onHide(keys)}>
              Hide selected
            </button>
            <button type="button" class="secondary" onClick={props.onClear}>
              Clear selection
            </button>
          </div>
        </>
      )}
      <PathFinder {...props} keys={keys} busy={busy} />
    </section>
  );
}

function NodeDetails(props: SelectionPanelProps & { nodeKey: string }) {
  const { graph, nodeKey: key, busy } = props;
  const a = graph.getNodeAttributes(key);
  const href = entityHref({ type: a.nodeType, id: a.entityId });
  const facts = Object.entries(a.data).filter(([, v]) => v !== null && v !== '');
  return (
    <div data-testid="selected-node">
      <h3 class="node-title">{a.name}</h3>
      <p>
        {typeNames[a.nodeType]} <code>{a.entityId}</code>{' '}
        {['Employer', 'Person', 'Staff'].includes(a.nodeType) && <BandBadge band={a.band} />}
        {a.score !== null && <span class="muted"> score {a.score.toFixed(3)}</span>}
      </p>
      {a.collapsed && a.collapsed.count > 0 && (
        <p class="note">
          Collapsed {a.collapsed.reason === 'hub' ? 'hub' : 'node'}:{' '}
          {a.collapsed.count.toLocaleString('en')} neighbours not shown. Expand to page through
          them.
        </p>
      )}
      {facts.length > 0 && (
        <dl class="facts">
          {facts.map(([name, value]) => (
            <div key={name}>
              <dt>{name.replace(/_/g, ' ')}</dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {href && (
        <p>
          <Link href={href}>Open the entity page</Link>
        </p>
      )}
      <div class="row">
        <button type="button" disabled={busy} onClick={() => props.onExpand(key)}>
          {a.collapsed && a.collapsed.count > 0 ? 'Expand next page' : 'Expand'}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy || !props.isExpanded(key)}
          onClick={() => props.onCollapse(key)}
        >
          Collapse
        </button>
        <button type="button" class="secondary" onClick={() => props.onHide([key])}>
          Hide
        </button>
        <button type="button" class="secondary" onClick={() => props.onFocus(key)}>
          Centre
        </button>
      </div>
    </div>
  );
}

function PathFinder(props: SelectionPanelProps & { keys: string[] }) {
  const { keys, path, graph, busy } = props;
  return (
    <div class="path-finder">
      <h3>Shortest paths</h3>
      {keys.length === 2 ? (
        <button type="button" disabled={busy} onClick={() => props.onFindPaths(keys[0]!, keys[1]!)}>
          Find paths between the two selected
        </button>
      ) : (
        <p class="muted">Select exactly two nodes to find the shortest paths between them.</p>
      )}
      {path && (
        <p data-testid="path-result">
          {path.count === 0
            ? `No path between ${graph.hasNode(path.from) ? graph.getNodeAttribute(path.from, 'name') : path.from} and ${graph.hasNode(path.to) ? graph.getNodeAttribute(path.to, 'name') : path.to} within four relations.`
            : `${path.count} shortest path${path.count === 1 ? '' : 's'} of ${path.length} relation${path.length === 1 ? '' : 's'} highlighted (${path.nodes.size} nodes).`}{' '}
          <button type="button" class="link" onClick={props.onClearPath}>
            Clear the path
          </button>
        </p>
      )}
    </div>
  );
}
