// The case webhook's loop in `ringwatch serve`: every poll interval (and at once when woken)
// it delivers what is due (deliver-due.ts). Its timers are unref'd, so it never keeps a process
// alive; a database that is down, or any other error, is logged and tried again at the next
// poll, never thrown; stop() ends it cleanly: no new work, the POST in flight abandoned (its
// message is sent again later), the leases given back.
import type { WebhookSettings } from '../../config.js';
import { isUnavailable, type Database } from '../../db/database.js';
import type { Logger } from '../../logger.js';
import { deliverDue, type DeliverOptions } from './deliver-due.js';

export interface Dispatcher {
  /** Look for due messages now (after a case change) instead of at the next poll. */
  wake(): void;
  /** Stops the loop and waits for the round in progress to end. */
  stop(): Promise<void>;
}

/** What tests may set beside the settings: the clock, the jitter, a case-id scope. */
export type DispatcherOptions = Pick<DeliverOptions, 'now' | 'rng' | 'scope' | 'batchSize'>;

export function startDispatcher(
  db: Database,
  settings: WebhookSettings,
  logger: Logger,
  options: DispatcherOptions = {},
): Dispatcher {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let databaseDown = false;

  const round = async () => {
    try {
      await deliverDue(db, { ...settings, ...options, logger, signal: controller.signal });
      if (databaseDown) logger.info('case webhook: the database answers again; delivering');
      databaseDown = false;
    } catch (error) {
      if (isUnavailable(error)) {
        if (!databaseDown) {
          logger.warn(
            { err: error },
            `case webhook: the database is not available; trying again every ${settings.pollMs / 1000} s`,
          );
        }
        databaseDown = true;
      } else {
        logger.error({ err: error }, 'case webhook: a delivery round failed; trying again later');
      }
    }
  };

  const schedule = (ms: number) => {
    if (controller.signal.aborted) return;
    clearTimeout(timer);
    timer = setTimeout(start, ms);
    timer.unref();
  };

  function start() {
    if (running) {
      again = true;
      return;
    }
    running = round().finally(() => {
      running = undefined;
      schedule(again ? 0 : settings.pollMs);
      again = false;
    });
  }

  schedule(0);
  return {
    wake: () => {
      if (running) again = true;
      else schedule(0);
    },
    stop: async () => {
      controller.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
