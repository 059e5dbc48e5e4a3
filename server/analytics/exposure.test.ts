// The exposure propagation on tiny graphs whose fixed point can be worked out by hand.
// Notation: r = (1 − α) s + α Pᵀ r, P(u, v) = w(u, v) / Σ_x w(u, x) (exposure.ts).
import { MultiUndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { exposure, exposureLinksOf, type ExposureEdge } from './exposure.js';
import type { LinkKind } from './link-kinds.js';

function graph(edges: [string, string, LinkKind, number?][]) {
  const g = new MultiUndirectedGraph<Record<string, never>, ExposureEdge>();
  for (const [s, t, kind, ageYears = 0] of edges) {
    g.mergeNode(s);
    g.mergeNode(t);
    g.addEdge(s, t, { kind, ageYears });
  }
  return exposureLinksOf(g);
}

const seeds = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('exposure (GOTCHA-style propagation)', () => {
  it('two nodes: r_A = 1/(1+α), r_B = α/(1+α)', () => {
    // r_A = (1 − α) + α r_B and r_B = α r_A (each is the other's only neighbour)
    // ⇒ r_A = (1 − α) / (1 − α²) = 1 / (1 + α); with α = 0.85: 0.540541 and 0.459459.
    const result = exposure(graph([['A', 'B', 'DIRECTS']]), { seeds: seeds({ A: 1 }) });
    expect(result.converged).toBe(true);
    expect(result.scores.get('A')).toBeCloseTo(1 / 1.85, 9);
    expect(result.scores.get('B')).toBeCloseTo(0.85 / 1.85, 9);
  });

  it('leaves a seed’s own weight out of its own exposure', () => {
    // Seeds at A (1) and B (2): by linearity r = 1·r^A + 2·r^B with r^A_A = 1/(1+α),
    // r^A_B = α/(1+α) (the case above). Leaving self out: A keeps only B's part, 2α/(1+α);
    // B keeps only A's part, α/(1+α). On the chain A–B–C (α = 0.5) seeded at A alone, A keeps
    // nothing (no other seed) while B and C keep 1/3 and 1/12.
    const both = exposure(graph([['A', 'B', 'DIRECTS']]), {
      seeds: seeds({ A: 1, B: 2 }),
      leaveSelfOut: true,
    });
    expect(both.scores.get('A')).toBeCloseTo((2 * 0.85) / 1.85, 4);
    expect(both.scores.get('B')).toBeCloseTo(0.85 / 1.85, 4);
    const chain = exposure(
      graph([
        ['A', 'B', 'DIRECTS'],
        ['B', 'C', 'DIRECTS'],
      ]),
      { seeds: seeds({ A: 1 }), alpha: 0.5, leaveSelfOut: true },
    );
    expect(chain.scores.get('A')).toBeCloseTo(0, 4);
    expect(chain.scores.get('B')).toBeCloseTo(1 / 3, 9);
    expect(chain.scores.get('C')).toBeCloseTo(1 / 12, 9);
  });

  it('a chain A–B–C with α = 0.5: 7/12, 1/3, 1/12', () => {
    // B splits its mass between A and C; A and C only talk to B:
    //   r_A = 0.5 + 0.5 · r_B / 2,  r_B = 0.5 r_A + 0.5 r_C,  r_C = 0.5 · r_B / 2
    // ⇒ r_C = r_B / 4, r_B = 0.5 r_A + r_B / 8 ⇒ r_B = 4 r_A / 7,
    //   r_A = 0.5 + r_A / 7 ⇒ r_A = 7/12, r_B = 1/3, r_C = 1/12 (sum 1: no mass is lost).
    const result = exposure(
      graph([
        ['A', 'B', 'DIRECTS'],
        ['B', 'C', 'DIRECTS'],
      ]),
      { seeds: seeds({ A: 1 }), alpha: 0.5 },
    );
    expect(result.scores.get('A')).toBeCloseTo(7 / 12, 9);
    expect(result.scores.get('B')).toBeCloseTo(1 / 3, 9);
    expect(result.scores.get('C')).toBeCloseTo(1 / 12, 9);
  });

  it('decays a link by exp(−λ · age): a link ended one half-life ago weighs half', () => {
    // S is linked to X (still running, w = 1) and to Y (ended 2 years ago, λ = ln 2 / 2:
    // w = e^{−ln 2} = 1/2). S sends 2/3 of its walk to X and 1/3 to Y; X and Y send all back.
    //   r_S = (1 − α) + α (r_X + r_Y),  r_X = α · (2/3) r_S,  r_Y = α · (1/3) r_S
    // ⇒ r_S = (1 − α) + α² r_S ⇒ r_S = 1/(1 + α), r_X = (2/3) α/(1 + α), r_Y = (1/3) α/(1 + α).
    const result = exposure(
      graph([
        ['S', 'X', 'DIRECTS', 0],
        ['S', 'Y', 'DIRECTS', 2],
      ]),
      { seeds: seeds({ S: 1 }), lambda: Math.LN2 / 2 },
    );
    const a = 0.85;
    expect(result.scores.get('S')).toBeCloseTo(1 / (1 + a), 9);
    expect(result.scores.get('X')).toBeCloseTo(((2 / 3) * a) / (1 + a), 9);
    expect(result.scores.get('Y')).toBeCloseTo(((1 / 3) * a) / (1 + a), 9);
  });

  it('weights links by kind: a shared director (1) carries twice a job (0.5)', () => {
    // Same star as above, the 2:1 split now coming from the kinds' default weights.
    const result = exposure(
      graph([
        ['S', 'X', 'DIRECTS'],
        ['S', 'Y', 'EMPLOYED_BY'],
      ]),
      { seeds: seeds({ S: 1 }) },
    );
    expect(result.scores.get('X')! / result.scores.get('Y')!).toBeCloseTo(2, 9);
    // A kind without weight is no link at all: Z stays at 0.
    const ignored = exposure(graph([['S', 'Z', 'IS']]), { seeds: seeds({ S: 1 }) });
    expect(ignored.scores.get('Z')).toBe(0);
    expect(ignored.scores.get('S')).toBeCloseTo(0.15, 12);
  });

  it('adds up over seeds and scales with their weights', () => {
    // Chain A–B–C, α = 0.5, seeds A (weight 1) and C (weight 2): by linearity and symmetry
    // r = 1 · (7/12, 1/3, 1/12) + 2 · (1/12, 1/3, 7/12) = (3/4, 1, 5/4).
    const result = exposure(
      graph([
        ['A', 'B', 'DIRECTS'],
        ['B', 'C', 'DIRECTS'],
      ]),
      { seeds: seeds({ A: 1, C: 2 }), alpha: 0.5 },
    );
    expect(result.scores.get('A')).toBeCloseTo(3 / 4, 9);
    expect(result.scores.get('B')).toBeCloseTo(1, 9);
    expect(result.scores.get('C')).toBeCloseTo(5 / 4, 9);
  });

  it('damps a link by its hub factor, and rejects seeds not in the graph', () => {
    const g = new MultiUndirectedGraph<Record<string, never>, ExposureEdge>();
    g.mergeNode('S');
    g.mergeNode('X');
    g.mergeNode('Y');
    g.addEdge('S', 'X', { kind: 'DIRECTS', ageYears: 0 });
    g.addEdge('S', 'Y', { kind: 'DIRECTS', ageYears: 0, damping: 0.5 });
    const result = exposure(exposureLinksOf(g), { seeds: seeds({ S: 1 }) });
    expect(result.scores.get('X')! / result.scores.get('Y')!).toBeCloseTo(2, 9);
    expect(() => exposure(exposureLinksOf(g), { seeds: seeds({ Q: 1 }) })).toThrow(
      /exposure: seed Q/,
    );
  });
});
