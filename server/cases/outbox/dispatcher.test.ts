// The serve loop: it delivers when woken, keeps going when the database is down (logging it
// once), and stops cleanly. Every wait here is for an event (a message received, a log line),
// never for time to pass.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.js';
import { WebhookReceiver } from '../../../test/webhook-receiver.js';
import type { WebhookSettings } from '../../config.js';
import { Database } from '../../db/database.js';
import { freePort } from '../../db/embedded/process-info.js';
import { migrate } from '../../db/migrate.js';
import { listDeliveries } from './deliveries.js';
import { startDispatcher } from './dispatcher.js';
import { outboxMessage } from './outbox-message.js';

const secret = `whsec_${randomBytes(32).toString('base64')}`;

/** A pino logger whose lines land in `lines`; `waitFor` resolves once `times` lines match. */
function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const waiting: { check: () => boolean; resolve: () => void }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = JSON.parse(chunk.toString()) as { level: number; msg: string };
      lines.push(line);
      for (const w of waiting.filter((w) => w.check())) w.resolve();
      done();
    },
  });
  return {
    logger: pino({ level: 'info' }, stream),
    lines,
    waitFor: (pattern: RegExp, times = 1) =>
      new Promise<void>((resolve) => {
        const check = () => lines.filter((l) => pattern.test(l.msg)).length >= times;
        if (check()) resolve();
        else waiting.push({ check, resolve });
      }),
  };
}

const settings = (url: string): WebhookSettings => ({
  url,
  secret,
  maxAttempts: 5,
  retryBaseMs: 0,
  // Long enough that only wake() and the first round make anything happen in a test.
  pollMs: 3_600_000,
  timeoutMs: 10_000,
});

describe('startDispatcher', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('delivers at start and when woken, and stops cleanly', async () => {
    const scope = `hook-${randomBytes(4).toString('hex')}-`;
    const receiver = await WebhookReceiver.start(secret, () => 200);
    const { logger, waitFor } = capturingLogger();
    try {
      const first = outboxMessage('case.created', `${scope}K1`, { caseId: `${scope}K1` });
      await db.write('cases/outbox-enqueue', first);
      const firstArrives = receiver.next();
      const dispatcher = startDispatcher(db, settings(receiver.url), logger, { scope });
      expect((await firstArrives).id).toBe(first.id);

      await waitFor(/^case webhook: delivered$/);
      const second = outboxMessage('case.closed', `${scope}K1`, { caseId: `${scope}K1` });
      await db.write('cases/outbox-enqueue', second);
      const secondArrives = receiver.next();
      dispatcher.wake();
      expect((await secondArrives).id).toBe(second.id);
      await waitFor(/^case webhook: delivered$/, 2);

      await dispatcher.stop();
      const { deliveries } = await listDeliveries(db, { caseId: `${scope}K1` });
      expect(deliveries.map((d) => d.status)).toEqual(['delivered', 'delivered']);
    } finally {
      await receiver.close();
    }
  });

  it('logs a database that is down once, does not throw, and stops', async () => {
    const down = await Database.open(
      {
        uri: `bolt://127.0.0.1:${await freePort()}`,
        user: 'neo4j',
        password: 'x',
        database: undefined,
      },
      db.registry,
      'interactive',
    );
    const { logger, lines, waitFor } = capturingLogger();
    try {
      const dispatcher = startDispatcher(down, settings('http://127.0.0.1:9/none'), logger);
      await waitFor(/the database is not available; trying again every 3600 s/);
      dispatcher.wake();
      await dispatcher.stop();
      expect(lines.filter((l) => /not available/.test(l.msg))).toHaveLength(1);
      expect(lines.every((l) => l.level <= 40)).toBe(true);
    } finally {
      await down.close();
    }
  });
});
