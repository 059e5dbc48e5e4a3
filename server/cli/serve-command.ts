// `ringwatch serve`: the HTTP server (the API and the built web explorer), and the case
// webhook's delivery loop when RINGWATCH_WEBHOOK_URL is set.
import type { Command } from 'commander';
import { createApp } from '../api/app.js';
import { listen, onShutdownSignal } from '../api/serve.js';
import { defaultWebDir, hasWebApp } from '../api/web-app.js';
import { startDispatcher } from '../cases/outbox/dispatcher.js';
import type { Config } from '../config.js';
import { createLogger } from '../logger.js';
import { appVersion } from '../version.js';
import { config, ensureDatabase, openDatabase } from './context.js';
import { checkSchema, checkSchemaOnceAnswering } from './serve-schema.js';

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description(
      'start the HTTP API (PORT, default 8080) on HOST (default 127.0.0.1); starts the embedded database if needed',
    )
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .action(async (options: { port?: string }) => {
      await serve(withPort(config(), options.port));
    });
}

export function withPort(cfg: Config, port: string | undefined): Config {
  if (port === undefined) return cfg;
  const value = Number.parseInt(port, 10);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`serve: --port ${port} is not a port number (0–65535)`);
  }
  return { ...cfg, server: { ...cfg.server, port: value } };
}

export async function serve(cfg: Config, startDatabase = true): Promise<void> {
  if (startDatabase && cfg.neo4j.mode === 'embedded') await ensureDatabase(cfg.neo4j);
  const logger = createLogger(cfg.logLevel);
  const db = await openDatabase(cfg.neo4j, 'interactive');
  const schema = await checkSchema(db).catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  const webDir = hasWebApp(defaultWebDir) ? defaultWebDir : null;
  const app = createApp({
    db,
    logger,
    version: appVersion,
    auth: cfg.auth,
    cases: cfg.cases,
    views: cfg.views,
    webDir,
  });
  const server = await listen(app, cfg.server.port, cfg.server.host).catch(
    async (error: NodeJS.ErrnoException) => {
      await db.close();
      if (error.code === 'EADDRINUSE') {
        throw new Error(
          `serve: port ${cfg.server.port} is already in use; stop that program or choose another with --port or PORT`,
        );
      }
      throw error;
    },
  );
  console.log(
    webDir
      ? `ringwatch ${appVersion}: the explorer is at ${server.url}/ (API ${server.url}/api, health ${server.url}/api/health); Ctrl+C stops it.`
      : `ringwatch ${appVersion} listening on ${server.url} (health: ${server.url}/api/health); the explorer is not built here (\`npm run build:web\` builds it). Ctrl+C stops it.`,
  );
  const dispatcher = cfg.webhook ? startDispatcher(db, cfg.webhook, logger) : undefined;
  if (cfg.webhook) {
    // The origin only: a URL may carry a token in its path or query.
    logger.info(
      { to: new URL(cfg.webhook.url).origin, pollSeconds: cfg.webhook.pollMs / 1000 },
      'case webhook: delivering case events',
    );
  }
  const stopping = new AbortController();
  const stop = async () => {
    stopping.abort();
    await server.close();
    await dispatcher?.stop();
    await db.close();
  };
  onShutdownSignal(logger, stop);
  if (schema.state === 'unchecked') {
    logger.warn(
      { uri: db.connection.uri, reason: schema.reason },
      'serve: the database does not answer yet; its schema is checked as soon as it does',
    );
    checkSchemaOnceAnswering(db, stopping.signal).then(
      (outcome) => {
        if (outcome === 'current') logger.info('serve: the schema is current');
      },
      async (error: unknown) => {
        logger.error({ err: error }, 'serve: stopping');
        console.error(`ringwatch: ${error instanceof Error ? error.message : String(error)}`);
        await stop().finally(() => process.exit(1));
      },
    );
  }
}
