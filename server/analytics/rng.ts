// The seeded random number generator every randomised algorithm takes as its `rng` (Louvain's
// random walk, the benchmark's graph generator): same seed, same sequence, on every machine.
import seedrandom from 'seedrandom';

export type Rng = () => number;

export function seededRng(seed: number | string): Rng {
  const prng = seedrandom(String(seed));
  return () => prng();
}
