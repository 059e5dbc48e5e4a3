// Starts bench/api-server.ts in a child process and talks to it over IPC: its URL once it
// listens, its CPU time on request, and a stop that lets it close its server and driver.
import { fork } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../server/paths.js';
import type { ServerMessage } from './api-server.js';

export interface ApiProcess {
  url: string;
  /** The API process's CPU time so far (ms). */
  cpu: () => Promise<number>;
  /**
   * Its CPU time and how long its event loop has run callbacks so far (ms), read together: the
   * latter is its one thread's busy time, counting the time it waited for a core while in one.
   */
  usage: () => Promise<{ cpuMs: number; loopActiveMs: number }>;
  stop: () => void;
}

/**
 * `root`: the checkout whose API to run (another one's for bench/api-ab.ts); `env`: variables
 * to set for it (another embedded instance, for bench/api-ab.ts --other-instance).
 */
export async function startApiProcess(
  root = projectRoot,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const child = fork(path.join(root, 'bench', 'api-server.ts'), [], {
    env: { ...process.env, ...env },
    // The young-generation semi-space `npx ringwatch serve` and `npm start` get from .npmrc's
    // node-options (bin/ringwatch.js says why), whatever runs the bench.
    execArgv: ['--import', 'tsx', '--max-semi-space-size=64', ...cpuProfile()],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // A session of its own, as `ringwatch serve` has when it runs as a service (systemd, a
    // container), and as the embedded Neo4j has: Linux shares the cores between sessions first
    // (sched(7), autogroups), so in the bench's session the load generator took its turns from
    // the API's share, and the API's one thread, the narrowest part of a request, waited for it.
    // Employer pages, alternating with and without, six rounds of 10 s (2026-12-07): faster in
    // all six, by 3-13 % (bench/api-speed.md). The child still ends with the bench: it closes
    // when the IPC channel does (api-server.ts), and the channel closes when the bench exits.
    detached: true,
  });
  const next = <T extends ServerMessage['type']>(type: T) =>
    new Promise<Extract<ServerMessage, { type: T }>>((resolve) => {
      const onMessage = (message: ServerMessage) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message as Extract<ServerMessage, { type: T }>);
      };
      child.on('message', onMessage);
    });
  let stopping = false;
  child.once('exit', (code) => {
    if (stopping) return;
    console.error(`bench: the API process exited (${code})`);
    process.exit(1);
  });
  const { url } = await next('ready');
  const usage = async () => {
    const reply = next('cpu');
    child.send('cpu');
    const { ms, loopActiveMs } = await reply;
    return { cpuMs: ms, loopActiveMs };
  };
  return {
    url,
    cpu: async () => (await usage()).cpuMs,
    usage,
    stop: () => {
      stopping = true;
      child.disconnect();
    },
  };
}

/**
 * With RINGWATCH_BENCH_CPU_PROFILE=DIR, the API process writes V8's CPU profile of its whole run
 * to DIR when it stops (a `.cpuprofile`, for Chrome's DevTools or speedscope): where the API's
 * CPU goes under the bench's load. Profiled, the API spent about a sixth more CPU a request (an
 * employer's page, 2026-12-07): compare figures only between runs both profiled, or both not.
 */
function cpuProfile(): string[] {
  const dir = process.env.RINGWATCH_BENCH_CPU_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}
