// The network explorer: the neighbourhood of entities or a whole community, drawn with sigma
// (WebGL); expand by double-click (hubs page by page), collapse and hide; the shortest paths
// between two nodes; a time slider; selection by click, shift-click, lasso or community, sent
// to the case queue; exports. What it shows lives in the address (nodes / community, asOf).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { setQuery, useLocation } from '../router.js';
import { caseWorkerRoles, useMe } from '../session.js';
import { ErrorMessage } from '../ui/status.js';
import { dateSpan } from '../network/active-at.js';
import { apiLoader } from '../network/api-loader.js';
import { CaseForm, type CaseEntity } from '../network/case-form.js';
import { ExplorerSession, type Source } from '../network/explorer-session.js';
import { download, visibleGexf, visibleView } from '../network/export-view.js';
import { createGraph } from '../network/graph-model.js';
import { entityTypeOf, type NodeType } from '../network/graph-types.js';
import { Legend } from '../network/legend.js';
import { NetworkCanvas, type CanvasHandle } from '../network/network-canvas.js';
import type { Display } from '../network/reducers.js';
import { selectCommunity } from '../network/select-community.js';
import { SelectionPanel } from '../network/selection-panel.js';
import { SourceForm } from '../network/source-form.js';
import {
  asOfFromQuery,
  queryFromSource,
  sameSource,
  sourceFromQuery,
} from '../network/source-query.js';
import { TimeSlider } from '../network/time-slider.js';
import { Toolbar } from '../network/toolbar.js';
import '../network/network.css';

type Status =
  | { state: 'idle' }
  | { state: 'busy'; what: string }
  | { state: 'done'; message: string }
  | { state: 'failed'; error: Error };

export function NetworkPage(_props: { params: Record<string, string> }) {
  const me = useMe();
  const location = useLocation();
  const source = useMemo(() => sourceFromQuery(location.query), [location.query.toString()]);
  const asOf = asOfFromQuery(location.query);

  const graph = useMemo(createGraph, []);
  const session = useMemo(() => new ExplorerSession(graph, apiLoader()), [graph]);
  const canvas = useRef<CanvasHandle | null>(null);
  const [revision, setRevision] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [lasso, setLasso] = useState(false);
  const [layoutRunning, setLayoutRunning] = useState(false);
  const opened = useRef<Source | null>(null);
  const bump = () => setRevision((r) => r + 1);

  /** Runs one load at a time, with its progress and its outcome in words. */
  const run = async (what: string, action: () => Promise<string>, layoutMillis?: number) => {
    setStatus({ state: 'busy', what });
    try {
      const message = await action();
      bump();
      setStatus({ state: 'done', message });
      canvas.current?.layout.start(layoutMillis);
    } catch (error) {
      setStatus({
        state: 'failed',
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
  };

  useEffect(() => {
    if (!source || sameSource(source, opened.current)) return;
    opened.current = source;
    setSelected(new Set());
    setHidden(new Set());
    setLasso(false);
    void run(
      source.kind === 'community'
        ? `community ${source.id}`
        : `the neighbourhood of ${source.keys.join(', ')}`,
      async () => {
        const message = await session.open(source);
        canvas.current?.fit();
        return message;
      },
    );
  }, [source]);

  const display: Display = useMemo(
    () => ({
      hidden,
      selected,
      highlightNodes: session.path?.nodes ?? new Set<string>(),
      highlightEdges: session.path?.edges ?? new Set<string>(),
      asOf,
    }),
    [hidden, selected, asOf, revision],
  );
  const span = useMemo(() => dateSpan(graph.mapEdges((_, a) => a)), [revision]);
  const types = useMemo(() => new Set<NodeType>(graph.mapNodes((_, a) => a.nodeType)), [revision]);
  const notes = useMemo(() => session.allNotes(), [revision]);
  const busy = status.state === 'busy';
  const selectedKeys = [...selected].filter((k) => graph.hasNode(k));
  const entities: CaseEntity[] = selectedKeys.flatMap((key) => {
    const a = graph.getNodeAttributes(key);
    const type = entityTypeOf(a.nodeType);
    return type ? [{ type, id: a.entityId }] : [];
  });

  const open = (next: Source) => setQuery(queryFromSource(next, asOf));
  const setAsOf = (date: string | null) => {
    const query = source ? queryFromSource(source, date) : new URLSearchParams();
    setQuery(query, { replace: true });
  };
  const expand = (key: string) =>
    void run(`the neighbours of ${session.name(key)}`, () => session.expand(key), 1200);
  const collapse = (key: string) => {
    const dropped = session.collapse(key);
    setSelected((s) => new Set([...s].filter((k) => graph.hasNode(k))));
    bump();
    setStatus({
      state: 'done',
      message: `Collapsed ${session.name(key)}: ${dropped.nodes.length} nodes removed.`,
    });
  };
  const hide = (keys: string[]) => {
    setHidden((h) => new Set([...h, ...keys]));
    setSelected((s) => new Set([...s].filter((k) => !keys.includes(k))));
  };
  const findPaths = (from: string, to: string) =>
    void run('the shortest paths', () => session.findPaths(from, to), 800);
  const clearPath = () => {
    session.clearPath();
    bump();
  };
  const exportAs = (format: 'png' | 'gexf' | 'json') => {
    const name = `ringwatch-network-${new Date().toISOString().slice(0, 10)}`;
    if (format === 'png') void canvas.current?.exportPng(name);
    else if (format === 'gexf')
      download(`${name}.gexf`, 'application/gexf+xml', visibleGexf(graph, display));
    else
      download(
        `${name}.json`,
        'application/json',
        JSON.stringify(visibleView(graph, display, notes), null, 2),
      );
  };
  const communityPick = () => {
    const picked = selectCommunity(graph, display, session.community?.id ?? null);
    setSelected(new Set(picked.keys));
    setStatus({ state: 'done', message: `Selected ${picked.keys.length} nodes: ${picked.how}.` });
  };

  const ready = (handle: CanvasHandle | null) => {
    canvas.current = handle;
    if (handle) handle.layout.onChange(setLayoutRunning);
  };

  const title = session.community
    ? `Community ${session.community.id}`
    : source?.kind === 'nodes'
      ? `Network of ${source.keys.map((k) => session.name(k)).join(', ')}`
      : 'Network';

  return (
    <section class="network-page">
      <h1>{title}</h1>
      <SourceForm key={JSON.stringify(source)} source={source} onOpen={open} />
      {session.community && (
        <p class="muted">
          {session.community.size.toLocaleString('en')} members
          {session.community.persons !== null && `, ${session.community.persons} persons`}
          {session.community.employers !== null && `, ${session.community.employers} employers`}
          {session.community.staff !== null && `, ${session.community.staff} officials`}; you may
          see {session.community.visibleMembers.toLocaleString('en')}.
        </p>
      )}
      {notes.length > 0 && (
        <ul class="network-notes" aria-label="What the view leaves out" data-testid="network-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <div class="network-status" aria-live="polite">
        {!source && status.state === 'idle' && (
          <p class="status empty">
            Open the neighbourhood of an entity (from its page, or by its key above) or a community.
          </p>
        )}
        {status.state === 'busy' && (
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true" /> Loading {status.what}…
          </p>
        )}
        {status.state === 'done' && (
          <p class="status" data-testid="network-message">
            {status.message}
          </p>
        )}
        {status.state === 'failed' && <ErrorMessage error={status.error} />}
      </div>
      <Toolbar
        layoutRunning={layoutRunning}
        lasso={lasso}
        hiddenCount={hidden.size}
        empty={graph.order === 0}
        onLayout={() =>
          layoutRunning ? canvas.current?.layout.stop() : canvas.current?.layout.start()
        }
        onFit={() => canvas.current?.fit()}
        onZoomIn={() => canvas.current?.zoomIn()}
        onZoomOut={() => canvas.current?.zoomOut()}
        onLasso={() => setLasso((l) => !l)}
        onSelectCommunity={communityPick}
        onShowHidden={() => setHidden(new Set())}
        onExport={exportAs}
      />
      <TimeSlider span={span} asOf={asOf} onChange={setAsOf} />
      <div class="network-body">
        <div class="network-stage">
          <NetworkCanvas
            graph={graph}
            display={display}
            revision={revision}
            label={title}
            lasso={lasso}
            onReady={ready}
            onNodeClick={(key, additive) =>
              setSelected((s) => {
                if (!additive) return new Set([key]);
                const next = new Set(s);
                if (next.has(key)) next.delete(key);
                else next.add(key);
                return next;
              })
            }
            onNodeDoubleClick={expand}
            onStageClick={() => setSelected(new Set())}
            onLasso={(keys, additive) => {
              setSelected((s) => new Set(additive ? [...s, ...keys] : keys));
              setLasso(false);
            }}
          />
          {graph.order === 0 && source && status.state !== 'busy' && (
            <p class="network-empty">Nothing to draw.</p>
          )}
          <Legend types={types} />
        </div>
        <aside class="network-side">
          <SelectionPanel
            graph={graph}
            selected={selectedKeys}
            busy={busy}
            path={session.path}
            isExpanded={(key) => session.book.isExpanded(key)}
            onExpand={expand}
            onCollapse={collapse}
            onHide={hide}
            onFocus={(key) => canvas.current?.focus(key)}
            onFindPaths={findPaths}
            onClearPath={clearPath}
            onClear={() => setSelected(new Set())}
          />
          {caseWorkerRoles.includes(me.role) ? (
            <CaseForm entities={entities} communityId={session.community?.id ?? null} />
          ) : (
            <p class="panel muted">Your role reads the network; case workers open cases.</p>
          )}
        </aside>
      </div>
    </section>
  );
}
