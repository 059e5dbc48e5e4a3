// Seeded randomness for placing nodes and for Louvain: a view opens the same way twice.

/** A seeded generator (mulberry32) so a view opens the same way twice. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A point in a disc of the given radius around a centre (uniform over the area). */
export function scatter(
  random: () => number,
  centre: { x: number; y: number },
  radius: number,
): { x: number; y: number } {
  const r = radius * Math.sqrt(random());
  const angle = 2 * Math.PI * random();
  return { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
}
