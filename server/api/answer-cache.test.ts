import { describe, expect, it } from 'vitest';
import { AnswerCache, type CachedAnswer } from './answer-cache.js';

// The cache alone, with a version the test turns by hand; rankings-cache.test.ts runs it
// behind the API against the real database.
function setup(options: { checkEveryMs?: number; maxBytes?: number; maxAgeMs?: number } = {}) {
  let version = 'v1';
  let versionReads = 0;
  let clock = 0;
  let computed = 0;
  const cache = new AnswerCache(
    () => {
      versionReads++;
      return Promise.resolve(version);
    },
    {
      checkEveryMs: options.checkEveryMs ?? 1000,
      maxBytes: options.maxBytes,
      maxAgeMs: options.maxAgeMs,
      now: () => clock,
    },
  );
  const compute = (body: string) => (): Promise<CachedAnswer> => {
    computed++;
    return Promise.resolve({ body: `${body}@${version}`, entities: [body] });
  };
  return {
    cache,
    compute,
    setVersion: (v: string) => (version = v),
    tick: (ms: number) => (clock += ms),
    counts: () => ({ computed, versionReads }),
  };
}

describe('the answer cache', () => {
  it('answers a key once per version, reading the version at most once per interval', async () => {
    const t = setup();
    expect((await t.cache.answer('a', t.compute('A'))).body).toBe('A@v1');
    expect((await t.cache.answer('a', t.compute('A'))).body).toBe('A@v1');
    expect(t.counts()).toEqual({ computed: 1, versionReads: 1 });

    t.setVersion('v2');
    t.tick(999);
    // Not asked again yet: the old answer stands within the interval.
    expect((await t.cache.answer('a', t.compute('A'))).body).toBe('A@v1');
    t.tick(1);
    expect((await t.cache.answer('a', t.compute('A'))).body).toBe('A@v2');
    expect(t.counts()).toEqual({ computed: 2, versionReads: 2 });
  });

  it('computes once for requests that arrive together', async () => {
    const t = setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const slow = async (): Promise<CachedAnswer> => {
      calls++;
      await gate;
      return { body: 'slow', entities: [] };
    };
    const waiting = Array.from({ length: 10 }, () => t.cache.answer('k', slow));
    release();
    const answers = await Promise.all(waiting);
    expect(calls).toBe(1);
    expect(answers.every((a) => a.body === 'slow')).toBe(true);
  });

  it('keeps no failure', async () => {
    const t = setup();
    await expect(t.cache.answer('k', () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect((await t.cache.answer('k', t.compute('K'))).body).toBe('K@v1');
    expect(t.cache.size).toBe(1);
  });

  it('fails the request when the version cannot be read, and reads it again next time', async () => {
    let fail = true;
    const cache = new AnswerCache(
      () => (fail ? Promise.reject(new Error('database unreachable')) : Promise.resolve('v')),
      { checkEveryMs: 1000, now: () => 0 },
    );
    const answer = () => Promise.resolve({ body: 'x', entities: [] });
    await expect(cache.answer('k', answer)).rejects.toThrow('database unreachable');
    fail = false;
    expect((await cache.answer('k', answer)).body).toBe('x');
  });

  it('drops the least recently used answers beyond its bytes', async () => {
    // Key "a", body "a@v1", entity "a": 6 characters, 12 bytes and 200 of bookkeeping.
    const t = setup({ maxBytes: 2 * 212 + 100 });
    await t.cache.answer('a', t.compute('a'));
    await t.cache.answer('b', t.compute('b'));
    await t.cache.answer('a', t.compute('a')); // a used last
    await t.cache.answer('c', t.compute('c')); // three do not fit: b goes
    expect(t.cache.size).toBe(2);
    const before = t.counts().computed;
    await t.cache.answer('a', t.compute('a'));
    await t.cache.answer('c', t.compute('c'));
    expect(t.counts().computed).toBe(before);
    await t.cache.answer('b', t.compute('b'));
    expect(t.counts().computed).toBe(before + 1);
  });

  it('keeps no answer past maxAgeMs, even when the version stands', async () => {
    const t = setup({ maxAgeMs: 60_000 });
    await t.cache.answer('a', t.compute('A'));
    t.tick(59_999);
    await t.cache.answer('a', t.compute('A'));
    expect(t.counts().computed).toBe(1);
    t.tick(1);
    await t.cache.answer('a', t.compute('A'));
    expect(t.counts()).toEqual({ computed: 2, versionReads: 2 });
  });

  it('computes every time with checkEveryMs 0', async () => {
    const t = setup({ checkEveryMs: 0 });
    await t.cache.answer('a', t.compute('A'));
    await t.cache.answer('a', t.compute('A'));
    expect(t.counts()).toEqual({ computed: 2, versionReads: 0 });
  });
});
