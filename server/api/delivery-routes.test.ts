// GET /api/cases/deliveries and POST /api/cases/deliveries/:id/retry against the real server:
// a supervisor finds a failed delivery, sends it again, and the calls are in the audit trail
// (a refused retry, 409, is not: the trail records answers, refusals (403) and misses (404)).
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUsers, signIn, userPrefix, type TestUser } from '../../test/api-users.js';
import { openTestDatabase } from '../../test/database.js';
import { WebhookReceiver } from '../../test/webhook-receiver.js';
import { searchAudit } from '../audit/search-audit.js';
import type { Role } from '../auth/roles.js';
import { deliverDue } from '../cases/outbox/deliver-due.js';
import { outboxMessage } from '../cases/outbox/outbox-message.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createApp } from './app.js';
import { ErrorBodySchema } from './errors.js';

const secret = `whsec_${randomBytes(32).toString('base64')}`;

describe('delivery routes', () => {
  let db: Database;
  let users: Record<Role, TestUser>;
  const app = () => createApp({ db, logger: pino({ level: 'silent' }), version: 'test' });

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    users = await addTestUsers(db, userPrefix('deliveries'));
  });
  afterAll(async () => {
    await db.close();
  });

  it('lists a failed delivery, retries it once, and records both calls', async () => {
    const scope = `hookapi-${randomBytes(4).toString('hex')}-`;
    const caseId = `${scope}K1`;
    const message = outboxMessage('case.created', caseId, { caseId });
    await db.write('cases/outbox-enqueue', message);
    const receiver = await WebhookReceiver.start(secret, () => 502);
    try {
      const options = {
        url: receiver.url,
        secret,
        timeoutMs: 10_000,
        maxAttempts: 1,
        retryBaseMs: 0,
        scope,
      };
      expect(await deliverDue(db, options)).toMatchObject({ failed: 1 });

      const a = app();
      const cookie = await signIn(a, users.supervisor);
      const list = await request(a)
        .get(`/api/cases/deliveries?status=failed&caseId=${caseId}`)
        .set('Cookie', cookie);
      expect(list.status).toBe(200);
      expect(list.body).toEqual({
        deliveries: [
          expect.objectContaining({
            id: message.id,
            event: 'case.created',
            caseId,
            status: 'failed',
            attempts: 1,
            lastStatus: 502,
            lastError: 'HTTP 502 Bad Gateway: answered 502',
          }),
        ],
        nextBefore: null,
      });
      expect((list.body as { deliveries: object[] }).deliveries[0]).not.toHaveProperty('payload');

      const retry = await request(a)
        .post(`/api/cases/deliveries/${message.id}/retry`)
        .set('Cookie', cookie);
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({
        id: message.id,
        status: 'pending',
        attempts: 0,
        attemptsTotal: 1,
        retries: 1,
        retriedBy: users.supervisor.username,
      });
      const twice = await request(a)
        .post(`/api/cases/deliveries/${message.id}/retry`)
        .set('Cookie', cookie);
      expect(twice.status).toBe(409);
      expect(ErrorBodySchema.parse(twice.body).error.message).toMatch(
        /^cases: delivery .* is pending, not failed; only a failed delivery can be sent again \(it is tried next at /,
      );
      const missing = await request(a)
        .post('/api/cases/deliveries/no-such-delivery/retry')
        .set('Cookie', cookie);
      expect(missing.status).toBe(404);

      receiver.respond = () => 200;
      expect(await deliverDue(db, options)).toMatchObject({ delivered: 1 });

      const audit = await searchAudit(db, { user: users.supervisor.username, limit: 10 });
      const calls = audit.records.filter((r) => r.action.includes('/api/cases/'));
      expect(calls.map((r) => [r.action, r.status, r.entities])).toEqual([
        ['POST /api/cases/deliveries/:id/retry', 404, []],
        ['POST /api/cases/deliveries/:id/retry', 200, [`Case:${caseId}`]],
        ['GET /api/cases/deliveries', 200, [`Case:${caseId}`]],
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('refuses an unknown filter value with the field named', async () => {
    const a = app();
    const cookie = await signIn(a, users.admin);
    const bad = await request(a).get('/api/cases/deliveries?status=lost').set('Cookie', cookie);
    expect(bad.status).toBe(400);
    expect(ErrorBodySchema.parse(bad.body).error.fields?.[0]?.path).toBe('status');
  });
});
