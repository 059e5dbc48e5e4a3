// Runs an express app on a free loopback port for a test and closes it after.
import type { Express } from 'express';
import { listen, type Listening } from '../server/api/serve.js';

export async function withServer<T>(app: Express, work: (url: string) => Promise<T>): Promise<T> {
  const server: Listening = await listen(app, 0, '127.0.0.1');
  try {
    return await work(server.url);
  } finally {
    await server.close();
  }
}
