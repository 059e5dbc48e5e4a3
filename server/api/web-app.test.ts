import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import type { Database } from '../db/database.js';
import { createApp } from './app.js';

describe('the explorer beside the API', () => {
  let db: Database;
  let webDir: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    webDir = await mkdtemp(path.join(tmpdir(), 'ringwatch-web-'));
    await mkdir(path.join(webDir, 'assets'));
    await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>ringwatch</title>');
    await writeFile(path.join(webDir, 'assets', 'app-1234.js'), 'console.log(1)');
  });
  afterAll(async () => {
    await rm(webDir, { recursive: true, force: true });
    await db.close();
  });

  it('revalidates index.html by its ETag, caches hashed assets, and gives API answers neither', async () => {
    const app = createApp({ db, logger: pino({ level: 'silent' }), version: 'test', webDir });
    const page = await request(app).get('/entities/person/P1').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>ringwatch</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.etag).toBeDefined();
    expect(page.headers['x-powered-by']).toBeUndefined();
    const again = await request(app)
      .get('/entities/person/P1')
      .set('Accept', 'text/html')
      .set('If-None-Match', page.headers.etag as string);
    expect(again.status).toBe(304);

    const asset = await request(app).get('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['x-powered-by']).toBeUndefined();

    const health = await request(app).get('/api/health');
    expect(health.headers['cache-control']).toBe('no-store');
    expect(health.headers.etag).toBeUndefined();
  });
});
