// The case webhook against the real Neo4j and a real HTTP receiver on 127.0.0.1 that checks
// every signature with the standardwebhooks package. Clocks and back-off are injected: no test
// waits for time to pass. Each test works on cases under its own id prefix (deliverDue's scope),
// so other tests' outbox messages in the shared database are never touched.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.js';
import { WebhookReceiver } from '../../../test/webhook-receiver.js';
import type { Database } from '../../db/database.js';
import { migrate } from '../../db/migrate.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { deliverDue, type DeliverOptions } from './deliver-due.js';
import { listDeliveries, retryDelivery } from './deliveries.js';
import type { OutboxEvent } from './outbox-events.js';
import { outboxMessage } from './outbox-message.js';

const secret = `whsec_${randomBytes(32).toString('base64')}`;

describe('deliverDue', () => {
  let db: Database;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
  });
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });
  afterAll(async () => {
    await db.close();
  });

  const receiver = async (respond?: Parameters<typeof WebhookReceiver.start>[1], port = 0) => {
    const r = await WebhookReceiver.start(secret, respond, port);
    receivers.push(r);
    return r;
  };
  const prefix = () => `hook-${randomBytes(4).toString('hex')}-`;

  /** Writes one message as the case core does: the named query, in a write transaction. */
  async function enqueue(caseId: string, event: OutboxEvent): Promise<string> {
    const params = outboxMessage(event, caseId, { caseId, title: `case ${caseId}` });
    await db.transaction('WRITE', (run) => run('cases/outbox-enqueue', params));
    return params.id;
  }

  /** The queries of the transactions now waiting for a lock, once there is one (Neo4j's own view). */
  async function blockedTransactions(): Promise<string[]> {
    for (let tries = 0; tries < 400; tries++) {
      const { records } = await db.driver.executeQuery(
        "SHOW TRANSACTIONS YIELD currentQuery, status WHERE status STARTS WITH 'Blocked' RETURN currentQuery",
      );
      if (records.length > 0) return records.map((record) => String(record.get('currentQuery')));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return [];
  }

  /** A clock standing still at `at` until the test moves it. */
  function clock(at = Date.now() + 1_000) {
    let now = at;
    return { now: () => new Date(now), advance: (ms: number) => (now += ms), at: () => now };
  }

  const options = (
    r: WebhookReceiver,
    scope: string,
    extra: Partial<DeliverOptions> = {},
  ): DeliverOptions => ({
    url: r.url,
    secret,
    timeoutMs: 10_000,
    maxAttempts: 5,
    retryBaseMs: 0,
    rng: () => 0.5,
    scope,
    ...extra,
  });

  it('POSTs the payload as stored, signed with the Standard Webhooks headers, once', async () => {
    const scope = prefix();
    const r = await receiver();
    const id = await enqueue(`${scope}K1`, 'case.created');

    const summary = await deliverDue(db, options(r, scope));

    expect(summary).toMatchObject({ delivered: 1, retrying: 0, failed: 0 });
    expect(r.received).toHaveLength(1);
    const [got] = r.received;
    expect(got).toMatchObject({
      id,
      verified: true,
      type: 'case.created',
      caseId: `${scope}K1`,
      contentType: 'application/json',
    });
    expect(JSON.parse(got?.body ?? '')).toMatchObject({
      type: 'case.created',
      data: { caseId: `${scope}K1`, title: `case ${scope}K1` },
    });
    const { deliveries } = await listDeliveries(db, { caseId: `${scope}K1` });
    expect(deliveries).toEqual([
      expect.objectContaining({
        id,
        status: 'delivered',
        attempts: 1,
        lastStatus: 204,
        lastError: null,
        nextAttemptAt: null,
      }),
    ]);
    expect(deliveries[0]?.deliveredAt).not.toBeNull();

    expect(await deliverDue(db, options(r, scope))).toMatchObject({ delivered: 0, attempts: [] });
    expect(r.received).toHaveLength(1);
  });

  it('a receiver holding another secret refuses the signature: the attempt fails', async () => {
    const scope = prefix();
    const r = await receiver();
    await enqueue(`${scope}K1`, 'case.created');
    const other = `whsec_${randomBytes(32).toString('base64')}`;

    // One attempt only, so that no message of this test is left pending in the shared database.
    const summary = await deliverDue(db, options(r, scope, { secret: other, maxAttempts: 1 }));

    expect(r.received[0]?.verified).toBe(false);
    expect(summary.attempts[0]).toMatchObject({ outcome: 'failed', status: 401 });
    expect(summary.attempts[0]?.error).toMatch(/^HTTP 401 Unauthorized: bad signature$/);
  });

  it('a 500 is retried after the back-off, and the retry delivers it', async () => {
    const scope = prefix();
    const r = await receiver((_m, index) => (index === 0 ? 500 : 200));
    const id = await enqueue(`${scope}K1`, 'case.created');
    const c = clock();
    const o = options(r, scope, { retryBaseMs: 30_000, now: c.now });

    const first = await deliverDue(db, o);
    // The first wait is 30 s, half of it jittered: 15 s + 0.5 × 15 s.
    expect(first.attempts).toEqual([
      expect.objectContaining({
        id,
        outcome: 'retrying',
        status: 500,
        error: 'HTTP 500 Internal Server Error: answered 500',
        attempts: 1,
        nextAttemptAt: new Date(c.at() + 22_500).toISOString(),
      }),
    ]);
    const [pending] = (await listDeliveries(db, { caseId: `${scope}K1` })).deliveries;
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500 });

    c.advance(22_000);
    expect((await deliverDue(db, o)).attempts).toEqual([]);
    c.advance(1_000);
    expect(await deliverDue(db, o)).toMatchObject({ delivered: 1 });

    expect(r.received.map((m) => [m.id, m.verified])).toEqual([
      [id, true],
      [id, true],
    ]);
    const [done] = (await listDeliveries(db, { caseId: `${scope}K1` })).deliveries;
    expect(done).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastStatus: 200,
      lastError: null,
    });
  });

  it('loses nothing while the receiver is down, and delivers everything when it is back', async () => {
    const scope = prefix();
    const first = await receiver();
    const port = first.port;
    await first.close();
    const ids = [];
    for (const n of [1, 2, 3]) ids.push(await enqueue(`${scope}K${n}`, 'case.created'));

    for (const round of [1, 2]) {
      const down = await deliverDue(db, options(first, scope));
      expect(down).toMatchObject({ delivered: 0, retrying: 3, failed: 0 });
      for (const attempt of down.attempts) {
        expect(attempt.attempts).toBe(round);
        expect(attempt.status).toBeNull();
        expect(attempt.error).toMatch(/^could not reach the receiver: .*ECONNREFUSED/);
      }
    }

    const back = await receiver(() => 200, port);
    expect(await deliverDue(db, options(back, scope))).toMatchObject({ delivered: 3, failed: 0 });
    expect(back.received.map((m) => m.id)).toEqual(ids);
    expect(back.received.every((m) => m.verified)).toBe(true);
    const { deliveries } = await listDeliveries(db, { status: 'pending', caseId: `${scope}K1` });
    expect(deliveries).toEqual([]);
  });

  it('counts a receiver that does not answer in time as a failed attempt', async () => {
    const scope = prefix();
    const r = await receiver(() => 'hang');
    await enqueue(`${scope}K1`, 'case.created');

    const summary = await deliverDue(db, options(r, scope, { timeoutMs: 300, maxAttempts: 1 }));

    expect(summary.attempts[0]).toMatchObject({
      outcome: 'failed',
      status: null,
      error: 'no answer within 0.3 s (RINGWATCH_WEBHOOK_TIMEOUT_SECONDS)',
    });
  });

  it('gives up after the maximum attempts, lists it as failed, and a retry sends it again', async () => {
    const scope = prefix();
    const caseId = `${scope}K1`;
    const r = await receiver(() => 503);
    const id = await enqueue(caseId, 'case.closed');
    const o = options(r, scope, { maxAttempts: 3 });

    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      const s = await deliverDue(db, o);
      outcomes.push(s.attempts.map((a) => a.outcome).join());
    }
    expect(outcomes).toEqual(['retrying', 'retrying', 'failed', '']);
    expect(r.received).toHaveLength(3);

    const failed = await listDeliveries(db, { status: 'failed', caseId });
    expect(failed.deliveries).toEqual([
      expect.objectContaining({
        id,
        event: 'case.closed',
        status: 'failed',
        attempts: 3,
        attemptsTotal: 3,
        lastStatus: 503,
        lastError: 'HTTP 503 Service Unavailable: answered 503',
        nextAttemptAt: null,
        retries: 0,
      }),
    ]);
    expect(failed.deliveries[0]?.failedAt).not.toBeNull();
    expect(
      (await listDeliveries(db, { status: 'failed', event: 'case.created', caseId })).deliveries,
    ).toEqual([]);

    const retried = await retryDelivery(db, id, 'supervisor-ana');
    expect(retried).toMatchObject({
      status: 'pending',
      attempts: 0,
      attemptsTotal: 3,
      retries: 1,
      retriedBy: 'supervisor-ana',
      failedAt: null,
      lastError: 'HTTP 503 Service Unavailable: answered 503',
    });
    r.respond = () => 200;
    expect(await deliverDue(db, o)).toMatchObject({ delivered: 1 });
    const [done] = (await listDeliveries(db, { caseId })).deliveries;
    expect(done).toMatchObject({ status: 'delivered', attempts: 1, attemptsTotal: 4, retries: 1 });

    await expect(retryDelivery(db, id, 'supervisor-ana')).rejects.toThrow(ConflictError);
    await expect(retryDelivery(db, id, 'supervisor-ana')).rejects.toThrow(
      /^cases: delivery .* is delivered, not failed/,
    );
    await expect(retryDelivery(db, `${scope}nothing`, 'x')).rejects.toThrow(NotFoundError);
  });

  it('never sends a case’s later message while an earlier one is pending', async () => {
    const scope = prefix();
    const [a, b] = [`${scope}KA`, `${scope}KB`];
    let createdOfA = 0;
    const r = await receiver((m) =>
      m.caseId === a && m.type === 'case.created' && createdOfA++ === 0 ? 500 : 200,
    );
    const aCreated = await enqueue(a, 'case.created');
    const aClosed = await enqueue(a, 'case.closed');
    const bCreated = await enqueue(b, 'case.created');
    const c = clock();
    const o = options(r, scope, { retryBaseMs: 30_000, now: c.now });

    const first = await deliverDue(db, o);
    expect(first.attempts.map((x) => [x.id, x.outcome])).toEqual([
      [aCreated, 'retrying'],
      [bCreated, 'delivered'],
    ]);

    c.advance(60_000);
    const second = await deliverDue(db, o);
    expect(second.attempts.map((x) => [x.id, x.outcome])).toEqual([
      [aCreated, 'delivered'],
      [aClosed, 'delivered'],
    ]);
    expect(r.received.filter((m) => m.caseId === a).map((m) => m.type)).toEqual([
      'case.created',
      'case.created',
      'case.closed',
    ]);
  });

  it('two dispatchers at once deliver every message exactly once, each case in order', async () => {
    const scope = prefix();
    const r = await receiver(() => 200);
    const expected: string[] = [];
    for (let n = 0; n < 12; n++) {
      expected.push(await enqueue(`${scope}K${n}`, 'case.created'));
      expected.push(await enqueue(`${scope}K${n}`, 'case.closed'));
    }
    const o = options(r, scope, { batchSize: 3 });

    const [one, two] = await Promise.all([
      deliverDue(db, { ...o, owner: 'dispatcher-one' }),
      deliverDue(db, { ...o, owner: 'dispatcher-two' }),
    ]);

    expect(one.delivered + two.delivered).toBe(24);
    expect(r.received.map((m) => m.id).sort()).toEqual([...expected].sort());
    for (let n = 0; n < 12; n++) {
      const types = r.received.filter((m) => m.caseId === `${scope}K${n}`).map((m) => m.type);
      expect(types).toEqual(['case.created', 'case.closed']);
    }
  });

  it('records an outcome only while no claim is reading: the write waits for the claim lock', async () => {
    const scope = prefix();
    const caseId = `${scope}K1`;
    let lockHeld = () => {};
    const held = new Promise<void>((resolve) => (lockHeld = resolve));
    let letGo = () => {};
    const released = new Promise<void>((resolve) => (letGo = resolve));
    let holder: Promise<void> = Promise.resolve();
    // Once the message is claimed and sent, another claim takes the lock and holds it; only
    // then does the receiver answer 200.
    const r = await receiver(() => {
      holder = db.transaction('WRITE', async (run) => {
        await run('cases/outbox-lock', {});
        lockHeld();
        await released;
      });
      return held.then(() => 200);
    });
    await enqueue(caseId, 'case.created');

    const delivering = deliverDue(db, options(r, scope));
    expect(await blockedTransactions()).toEqual([expect.stringContaining('OutboxLock')]);
    const [pending] = (await listDeliveries(db, { caseId })).deliveries;
    expect(pending).toMatchObject({ status: 'pending', attempts: 0 });

    letGo();
    await holder;
    expect(await delivering).toMatchObject({ delivered: 1 });
    const [done] = (await listDeliveries(db, { caseId })).deliveries;
    expect(done).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('stopping mid-send gives the message back untried, to be sent by the next round', async () => {
    const scope = prefix();
    const r = await receiver(() => 'hang');
    const id = await enqueue(`${scope}K1`, 'case.created');
    const stop = new AbortController();
    void r.next().then(() => stop.abort());

    const stopped = await deliverDue(db, options(r, scope, { signal: stop.signal }));

    expect(stopped.attempts).toEqual([]);
    const [pending] = (await listDeliveries(db, { caseId: `${scope}K1` })).deliveries;
    expect(pending).toMatchObject({ status: 'pending', attempts: 0 });
    r.respond = () => 200;
    expect((await deliverDue(db, options(r, scope))).attempts).toEqual([
      expect.objectContaining({ id, outcome: 'delivered', attempts: 1 }),
    ]);
  });
});
