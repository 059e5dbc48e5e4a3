import { describe, expect, it } from 'vitest';
import { ExplorerSession, type Loader } from './explorer-session.js';
import { edge, node, view } from './fixtures.test-helpers.js';
import { createGraph } from './graph-model.js';
import type { PathsView } from './graph-types.js';

/** A loader answering from fixed views, recording what it was asked. */
function fakeLoader() {
  const asked: string[] = [];
  const hub = (count: number) => ({ count, reason: 'hub' as const });
  const loader: Loader = {
    neighbourhood: (keys) => {
      asked.push(`nodes ${keys.join(',')}`);
      if (keys[0] === 'Employer:E1') {
        return Promise.resolve(
          view(
            [node('Employer:E1'), node('Person:P1'), node('Address:A1', { collapsed: hub(3) })],
            [edge('Person:P1', 'Employer:E1'), edge('Employer:E1', 'Address:A1')],
            ['1 hub collapsed: Address:A1 (3 not shown)'],
          ),
        );
      }
      // Person:P1's neighbourhood: E1 again, and two new nodes.
      return Promise.resolve(
        view(
          [node('Person:P1'), node('Employer:E1'), node('Account:B1'), node('Person:P9')],
          [
            edge('Person:P1', 'Employer:E1'),
            edge('Person:P1', 'Account:B1'),
            edge('Person:P9', 'Person:P1', { type: 'HOUSEHOLD' }),
          ],
        ),
      );
    },
    hubPage: (key, page) => {
      asked.push(`page ${key} ${page}`);
      const people = page === 0 ? ['Person:P2', 'Person:P3'] : ['Person:P4'];
      return Promise.resolve(
        view(
          [node(key, page === 0 ? { collapsed: hub(1) } : {}), ...people.map((k) => node(k))],
          people.map((k) => edge(k, key, { type: 'LIVES_AT' })),
        ),
      );
    },
    community: () => Promise.reject(new Error('not used')),
    paths: (from, to) => {
      asked.push(`paths ${from} ${to}`);
      const answer: PathsView = {
        ...view(
          [node('Person:P9'), node('Person:P1'), node('Employer:E1'), node('Person:P7')],
          [
            edge('Person:P9', 'Person:P1', { type: 'HOUSEHOLD' }),
            edge('Person:P1', 'Employer:E1'),
            edge('Person:P7', 'Employer:E1'),
          ],
        ),
        paths: [['Person:P9', 'Person:P1', 'Employer:E1', 'Person:P7']],
      };
      return Promise.resolve(answer);
    },
  };
  return { loader, asked };
}

async function opened() {
  const { loader, asked } = fakeLoader();
  const session = new ExplorerSession(createGraph(), loader);
  await session.open({ kind: 'nodes', keys: ['Employer:E1'], depth: 1, cap: 25 });
  return { session, asked, graph: session.graph };
}

describe('ExplorerSession', () => {
  it('opens a view with the server’s notes', async () => {
    const { session, graph } = await opened();
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(2);
    expect(session.allNotes()).toEqual(['1 hub collapsed: Address:A1 (3 not shown)']);
    expect(session.starts).toEqual(['Employer:E1']);
  });

  it('expands a node once and collapses only what the expansion added', async () => {
    const { session, graph } = await opened();
    const message = await session.expand('Person:P1');
    expect(message).toContain('2 nodes and 2 relations added');
    expect(graph.order).toBe(5);
    expect(await session.expand('Person:P1')).toContain('already expanded');
    const dropped = session.collapse('Person:P1');
    expect(dropped.nodes.sort()).toEqual(['Account:B1', 'Person:P9']);
    expect(graph.nodes().sort()).toEqual(['Address:A1', 'Employer:E1', 'Person:P1']);
    // The relation the base view holds stays.
    expect(graph.hasEdge('Person:P1>Employer:E1')).toBe(true);
    expect(session.book.isExpanded('Person:P1')).toBe(false);
  });

  it('pages through a collapsed hub and forgets the pages on collapse', async () => {
    const { session, graph, asked } = await opened();
    expect(await session.expand('Address:A1')).toContain('1 more behind it');
    expect(graph.getNodeAttribute('Address:A1', 'collapsed')).toEqual({ count: 1, reason: 'hub' });
    expect(await session.expand('Address:A1')).toContain('none left behind it');
    expect(graph.getNodeAttribute('Address:A1', 'collapsed')).toBeNull();
    expect(asked).toContain('page Address:A1 0');
    expect(asked).toContain('page Address:A1 1');
    expect(graph.order).toBe(6);
    session.collapse('Address:A1');
    expect(graph.order).toBe(3);
    expect(graph.hasNode('Address:A1')).toBe(true);
    expect(session.book.pagesLoaded('Address:A1')).toBe(0);
  });

  it('a collapse takes the expansions of the nodes it removes along', async () => {
    const { session, graph } = await opened();
    await session.expand('Address:A1'); // P2, P3
    await session.expand('Person:P2'); // its neighbourhood (the fake's): B1, P9 (and P1, E1)
    session.collapse('Address:A1');
    expect(graph.nodes().sort()).toEqual(['Address:A1', 'Employer:E1', 'Person:P1']);
  });

  it('highlights the shortest paths and clears what only the path brought', async () => {
    const { session, graph } = await opened();
    const message = await session.findPaths('Person:P9', 'Person:P7');
    expect(message).toContain('1 shortest path of 3 relations');
    expect([...session.path!.nodes].sort()).toEqual([
      'Employer:E1',
      'Person:P1',
      'Person:P7',
      'Person:P9',
    ]);
    expect(session.path!.edges.size).toBe(3);
    expect(graph.hasNode('Person:P7')).toBe(true);
    session.clearPath();
    expect(session.path).toBeNull();
    expect(graph.hasNode('Person:P7')).toBe(false);
    expect(graph.hasNode('Person:P1')).toBe(true);
  });

  it('notes the nodes left out at the drawing cap', async () => {
    const { loader } = fakeLoader();
    const session = new ExplorerSession(createGraph(), loader, 2);
    await session.open({ kind: 'nodes', keys: ['Employer:E1'], depth: 1, cap: 25 });
    expect(session.graph.order).toBe(2);
    expect(session.allNotes().join(' ')).toContain('at most 2 nodes: 1 node');
  });
});
