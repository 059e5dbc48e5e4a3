import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testPassword, userPrefix } from '../../test/api-users.js';
import { openTestDatabase } from '../../test/database.js';
import type { Database } from '../db/database.js';
import { SessionCache } from './session-cache.js';
import { login, logout } from './sessions.js';
import { addUser, setDisabled } from './users.js';

const policy = { ttlMs: 3_600_000, idleMs: 600_000 };

describe('the session cache', () => {
  let db: Database;
  let clock = 0;
  const now = () => clock;

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  async function signedIn(role: 'analyst' | 'investigator') {
    const username = `${userPrefix('cache')}-${role}`;
    await addUser(db, { username, role, password: testPassword });
    const session = await login(db, username, testPassword, policy);
    if (!session) throw new Error('the test user could not sign in');
    return { username, token: session.token };
  }

  it('believes a checked session for cacheMs, then asks the database again', async () => {
    const cache = new SessionCache(db, { ...policy, cacheMs: 2000 }, now);
    const { username, token } = await signedIn('analyst');
    clock = 1_000;
    expect(await cache.viewer(token)).toEqual({ username, role: 'analyst' });

    await setDisabled(db, username, true);
    clock = 2_999;
    // Checked 1 999 ms ago: still believed (the bounded delay the cache trades for speed).
    expect(await cache.viewer(token)).toEqual({ username, role: 'analyst' });
    clock = 3_000;
    expect(await cache.viewer(token)).toBeNull();
  });

  it('forgets a session signed out through it at once', async () => {
    const cache = new SessionCache(db, { ...policy, cacheMs: 60_000 }, now);
    const { token } = await signedIn('investigator');
    expect(await cache.viewer(token)).not.toBeNull();
    cache.forget(token);
    await logout(db, token);
    expect(await cache.viewer(token)).toBeNull();
  });

  it('asks the database on every request with cacheMs 0', async () => {
    const cache = new SessionCache(db, { ...policy, cacheMs: 0 }, now);
    const { username, token } = await signedIn('analyst');
    expect(await cache.viewer(token)).toEqual({ username, role: 'analyst' });
    await setDisabled(db, username, true);
    expect(await cache.viewer(token)).toBeNull();
  });

  it('never believes a session past its own expiry', async () => {
    const { username, token } = await signedIn('investigator');
    const opened = Date.now();
    const cache = new SessionCache(db, { ...policy, cacheMs: 86_400_000 }, now);
    clock = opened;
    expect(await cache.viewer(token)).not.toBeNull();
    await setDisabled(db, username, true);
    // The session ends policy.ttlMs after sign-in, long before a day of caching.
    clock = opened + policy.ttlMs - 60_000;
    expect(await cache.viewer(token)).not.toBeNull();
    clock = opened + policy.ttlMs + 1;
    expect(await cache.viewer(token)).toBeNull();
  });

  it('keeps no session read before a sign-out that lands while the lookup finishes', async () => {
    const cache = new SessionCache(db, { ...policy, cacheMs: 60_000 }, now);
    const { token } = await signedIn('analyst');
    // The real lookup, held after it has read the live session until the sign-out is done.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let wasRead: () => void = () => undefined;
    const readDone = new Promise<void>((resolve) => (wasRead = resolve));
    const read = db.read.bind(db);
    const spy = vi.spyOn(db, 'read').mockImplementationOnce(async (name, params) => {
      const rows = await read(name, params);
      wasRead();
      await held;
      return rows;
    });
    try {
      const during = cache.viewer(token);
      const alongside = cache.viewer(token); // the same lookup, not a second one
      await readDone;
      await logout(db, token);
      cache.forget(token);
      release();
      expect(await during).not.toBeNull(); // it was live when read
      expect(await alongside).toEqual(await during);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
    expect(await cache.viewer(token)).toBeNull();
  });
});
