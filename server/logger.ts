// The server's structured logger (pino). JSON lines by default; readable lines when a person is
// watching a terminal.
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

export function createLogger(level: Config['logLevel'], pretty = process.stdout.isTTY): Logger {
  return pino({
    level,
    base: { app: 'ringwatch' },
    redact: ['req.headers.cookie', 'req.headers.authorization', 'password'],
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  });
}
