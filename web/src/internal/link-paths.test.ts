import { describe, expect, it } from 'vitest';
import { claimPaths, linkSteps, pathHighlight, stepsText } from './link-paths.js';
import type { LinkedClaim, StaffLink } from './link-types.js';

const link = (path: string[], relationships: StaffLink['relationships']): StaffLink => ({
  kind: 'household',
  hops: relationships.length,
  path,
  relationships,
  period: { from: null, to: null },
});

describe('linking paths written out', () => {
  it('goes from the official through the household to the claim', () => {
    const steps = linkSteps(link(['Person:P4', 'Person:P9'], ['HOUSEHOLD']), 'C7', 'S1');
    expect(stepsText(steps)).toBe(
      'official S1 (person P9) —household— person P4 —claimed→ claim C7',
    );
    expect(steps[0]).toMatchObject({ step: 'node', type: 'Person', id: 'P9' });
    expect(steps.at(-1)).toMatchObject({ step: 'node', type: 'Claim', id: 'C7' });
  });

  it('points arrows the way the graph does: both live at the address', () => {
    const steps = linkSteps(
      link(['Person:P4', 'Address:A3', 'Person:P9'], ['LIVES_AT', 'LIVES_AT']),
      'C7',
      'S1',
    );
    expect(stepsText(steps)).toBe(
      'official S1 (person P9) —lives at→ address A3 ←lives at— person P4 —claimed→ claim C7',
    );
  });

  it('ends at the claim itself for a payment into the official’s account', () => {
    const steps = linkSteps(
      link(['Claim:C7', 'Account:X1', 'Person:P9'], ['PAID_TO', 'HOLDS']),
      'C7',
      'S1',
    );
    expect(stepsText(steps)).toBe('official S1 (person P9) —holds→ account X1 ←paid to— claim C7');
  });

  it('says when the official is the claimant', () => {
    expect(stepsText(linkSteps(link(['Person:P9'], []), 'C7', 'S1'))).toBe(
      'official S1 (person P9) —claimed→ claim C7',
    );
  });

  it('writes every link of a claim', () => {
    const claim: LinkedClaim = {
      id: 'C7',
      type: 'unemployment',
      start: '2024-01-01',
      end: null,
      status: 'granted',
      amount: 1200,
      claimant: { id: 'P4', score: 0.4, band: 'orange' },
      links: [
        link(['Person:P4', 'Person:P9'], ['HOUSEHOLD']),
        link(['Person:P4', 'Account:X1', 'Person:P9'], ['HOLDS', 'HOLDS']),
      ],
    };
    expect(claimPaths(claim, 'S1')).toEqual([
      'official S1 (person P9) —household— person P4 —claimed→ claim C7',
      'official S1 (person P9) —holds→ account X1 ←holds— person P4 —claimed→ claim C7',
    ]);
  });
});

describe('the paths highlighted on the drawing', () => {
  it('marks the nodes of every path and the edges between consecutive ones, either way round', () => {
    const graph = {
      edges: [
        { key: 'e1', source: 'Person:P4', target: 'Person:P9' },
        { key: 'e2', source: 'Claim:C7', target: 'Person:P4' },
        { key: 'e3', source: 'Person:P4', target: 'Address:A3' },
      ],
      paths: [['Claim:C7', 'Person:P4', 'Person:P9']],
    };
    const { nodes, edges } = pathHighlight(graph);
    expect([...nodes]).toEqual(['Claim:C7', 'Person:P4', 'Person:P9']);
    expect([...edges].sort()).toEqual(['e1', 'e2']);
  });
});
