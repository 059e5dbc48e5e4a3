// The API server of bench/api.ts, in a process of its own so the load generator does not share
// its event loop: createApp on the configured database (the `interactive` driver profile, as
// `ringwatch serve` uses), listening on an ephemeral loopback port, plus one bench-only route
// outside /api (`GET /bench/noop`, no middleware, no database) for the machine's HTTP floor.
// With RINGWATCH_BENCH_WEB_DIR it also serves the built explorer from that folder.
// Node runs it with the 64 MB young-generation semi-space of `npx ringwatch serve`
// (bench/api-process.ts).
// Tells its parent the URL over IPC and answers `cpu` messages with its CPU time so far and how
// long its event loop has been running callbacks (`performance.eventLoopUtilization`).
import { performance } from 'node:perf_hooks';
import express from 'express';
import { createApp } from '../server/api/app.js';
import { listen } from '../server/api/serve.js';
import { openDatabase } from '../server/cli/context.js';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { appVersion } from '../server/version.js';

export type ServerMessage =
  { type: 'ready'; url: string } | { type: 'cpu'; ms: number; loopActiveMs: number };

const send = (message: ServerMessage) => process.send?.(message);

const config = loadConfig();
const db = await openDatabase(config.neo4j, 'interactive');
const app = createApp({
  db,
  logger: createLogger('warn', false),
  version: appVersion,
  auth: config.auth,
  views: config.views,
  // The built explorer beside the API (bench/web-rankings.ts), when asked for.
  webDir: process.env.RINGWATCH_BENCH_WEB_DIR ?? null,
});
// The floor's route is an express application of its own, beside the API's, not one that the
// API's is mounted in: express changes the prototype of every request and answer it hands to a
// mounted application and back, which made every request of the API cost more than it does in
// `ringwatch serve` (side by side, 2026-12-07: an employer's neighbourhood 1.22 ms of the API's
// CPU mounted, 1.18 beside; a person's 0.92 and 0.88).
const floor = express();
floor.disable('x-powered-by');
floor.get('/bench/noop', (_req, res) => {
  res.json({ ok: true });
});
const server = await listen(
  (req, res) => {
    if (req.url === '/bench/noop') floor(req, res);
    else app(req, res);
  },
  0,
  '127.0.0.1',
);

process.on('message', (message: unknown) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    const loopActiveMs = performance.eventLoopUtilization().active;
    send({ type: 'cpu', ms: (user + system) / 1000, loopActiveMs });
  }
});
process.on('disconnect', () => {
  void server
    .close()
    .then(() => db.close())
    .finally(() => process.exit(0));
});
send({ type: 'ready', url: server.url });
