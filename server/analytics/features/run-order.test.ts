// Query features run while the graph algorithms compute unless marked `afterWriteBack`, so a
// query not so marked must read nothing the write-back writes: no graph feature but the hub
// flags (written first), no community. This reads each query's Cypher, comments left out. (No
// query is marked today: the community aggregates, which read communities and f_exposure, are
// computed on the projection now.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphFeatures, queryFeatures, type QueryFeature } from './index.js';

const writtenBack = graphFeatures.map((f) => f.name).filter((name) => name !== 'f_hub');

/** What of the write-back's results the queries of a feature read. */
function readsOf(feature: QueryFeature): string[] {
  const reads = new Set<string>();
  for (const query of Object.values(feature.queries)) {
    const text = readFileSync(new URL(`../../../cypher/${query}.cypher`, import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('//'))
      .join('\n');
    for (const name of writtenBack) if (new RegExp(`\\.${name}\\b`).test(text)) reads.add(name);
    if (/IN_COMMUNITY|:Community\b/.test(text)) reads.add('communities');
  }
  return [...reads];
}

describe('the order query features run in', () => {
  it('runs alongside the algorithms only queries that read none of the write-back', () => {
    const early = queryFeatures.filter((f) => !f.afterWriteBack);
    expect(early.length).toBeGreaterThan(10);
    for (const feature of early)
      expect([feature.name, readsOf(feature)]).toEqual([feature.name, []]);
  });

  it('never shares a query between a feature that runs alongside and one that runs after', () => {
    const when = new Map<string, boolean>();
    for (const feature of queryFeatures) {
      for (const query of Object.values(feature.queries)) {
        const after = feature.afterWriteBack ?? false;
        expect([query, when.get(query) ?? after]).toEqual([query, after]);
        when.set(query, after);
      }
    }
  });
});
