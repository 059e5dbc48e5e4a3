// `ringwatch cases deliver|deliveries|retry` as a person runs them: child processes against the
// test database and a real receiver in this process (so the children run asynchronously).
// Scoped to this test's cases with --case-prefix / --case.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseEnv } from '../../test/cli-env.js';
import { openTestDatabase } from '../../test/database.js';
import { WebhookReceiver } from '../../test/webhook-receiver.js';
import { outboxMessage } from '../cases/outbox/outbox-message.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { projectRoot } from '../paths.js';

const bin = path.join(projectRoot, 'bin', 'ringwatch.js');
const secret = `whsec_${randomBytes(32).toString('base64')}`;

function ringwatch(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('ringwatch cases deliver|deliveries|retry', () => {
  let db: Database;
  let receiver: WebhookReceiver;
  const scope = `hookcli-${randomBytes(4).toString('hex')}-`;

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    receiver = await WebhookReceiver.start(secret, (m) => (m.caseId === `${scope}K2` ? 500 : 200));
  });
  afterAll(async () => {
    await receiver.close();
    await db.close();
  });

  it('delivers, lists the failure, retries it, and delivers it', async () => {
    const env = {
      ...testDatabaseEnv(),
      RINGWATCH_WEBHOOK_URL: receiver.url,
      RINGWATCH_WEBHOOK_SECRET: secret,
      RINGWATCH_WEBHOOK_MAX_ATTEMPTS: '1',
    };
    const one = outboxMessage('case.created', `${scope}K1`, { caseId: `${scope}K1` });
    const two = outboxMessage('case.created', `${scope}K2`, { caseId: `${scope}K2` });
    await db.write('cases/outbox-enqueue', one);
    await db.write('cases/outbox-enqueue', two);

    const deliver = await ringwatch(['cases', 'deliver', '--case-prefix', scope], env);
    expect(deliver.stderr).toBe('');
    expect(deliver.code).toBe(1);
    expect(deliver.stdout).toContain(
      `delivered  case.created      case ${scope}K1  ${one.id} (HTTP 200)`,
    );
    expect(deliver.stdout).toMatch(
      new RegExp(
        `FAILED .* ${two.id}: HTTP 500 Internal Server Error: answered 500; gave up after 1 attempts`,
      ),
    );
    expect(deliver.stdout).toContain('Delivered 1, to be tried again 0, failed for good 1.');

    const list = await ringwatch(
      ['cases', 'deliveries', '--case', `${scope}K2`, '--status', 'failed', '--json'],
      env,
    );
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({
      deliveries: [{ id: two.id, status: 'failed', lastStatus: 500 }],
      nextBefore: null,
    });

    receiver.respond = () => 200;
    const retry = await ringwatch(['cases', 'retry', two.id], env);
    expect(retry.code).toBe(0);
    expect(retry.stdout).toContain(
      `Delivery ${two.id} (case.created of case ${scope}K2) is pending again`,
    );

    const again = await ringwatch(['cases', 'deliver', '--case-prefix', scope], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Delivered 1, to be tried again 0, failed for good 0.');
    expect(receiver.received.filter((m) => m.id === two.id)).toHaveLength(2);
    expect(receiver.received.every((m) => m.verified)).toBe(true);
  });

  it('says what to set when no webhook is configured', async () => {
    const result = await ringwatch(['cases', 'deliver'], testDatabaseEnv());
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'ringwatch: cases: RINGWATCH_WEBHOOK_URL is not set, so there is nowhere to deliver to; set it and RINGWATCH_WEBHOOK_SECRET (README, "Configuration")',
    );
  });
});
