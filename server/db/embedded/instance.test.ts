// The embedded database's life cycle against a real Neo4j of its own (instance "lifecycle",
// its own port), so stopping it does not disturb the other tests.
import { pino } from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { withServer } from '../../../test/http.js';
import { testEmbeddedSettings } from '../../../test/neo4j-test-env.js';
import { createApp } from '../../api/app.js';
import { HealthSchema } from '../../api/health.js';
import { connectionFor } from '../connection.js';
import { Database } from '../database.js';
import { instanceLayout } from './layout.js';
import { runningPid, startInstance, stopInstance } from './instance.js';
import { freePort } from './process-info.js';

const embedded = inject('embeddedHome') !== null;
const settings = {
  ...testEmbeddedSettings(),
  instance: 'lifecycle',
  boltPort: await freePort(),
  heap: '512m',
  pageCache: '64m',
};

describe.runIf(embedded)('embedded Neo4j life cycle (real Neo4j)', () => {
  afterAll(async () => {
    await stopInstance(settings);
  });

  it('starts, says it already runs, serves health, and gives 503 once stopped', async () => {
    const first = await startInstance(settings);
    expect(first.alreadyRunning).toBe(false);
    expect(first.uri).toBe(`bolt://127.0.0.1:${settings.boltPort}`);
    expect(first.rssBytes).toBeGreaterThan(0);

    const second = await startInstance(settings);
    expect(second).toMatchObject({ alreadyRunning: true, pid: first.pid });

    const db = await Database.open(await connectionFor(settings));
    const app = createApp({ db, logger: pino({ level: 'silent' }), version: 'test' });
    try {
      await withServer(app, async (url) => {
        const up = await fetch(`${url}/api/health`);
        expect(up.status).toBe(200);

        const stopped = await stopInstance(settings);
        expect(stopped).toMatchObject({ wasRunning: true, forced: false });
        expect(await runningPid(instanceLayout(settings.home, settings.instance))).toBeUndefined();

        const down = await fetch(`${url}/api/health`);
        expect(down.status).toBe(503);
        const body = HealthSchema.parse(await down.json());
        expect(body.status).toBe('unavailable');
        if (body.database.reachable) throw new Error('expected an unreachable database');
        expect(body.database.error).toContain('ringwatch db start');
      });
    } finally {
      await db.close();
    }
    expect(await stopInstance(settings)).toMatchObject({ wasRunning: false });
  });

  it('refuses to start on a port another program holds, in one clear line', async () => {
    // The test database's own port is taken by it.
    const busyPort = Number(new URL(inject('neo4j').uri).port);
    await expect(
      startInstance({ ...settings, boltPort: busyPort, instance: 'lifecycle-busy' }),
    ).rejects.toThrow(
      /^db: port \d+ on 127\.0\.0\.1 is already taken by another program; stop it, or set RINGWATCH_NEO4J_BOLT_PORT/,
    );
  });
});
