// Delivers the outbox messages that are due now, once: claims them in batches (oldest first,
// never a case's later message while an earlier one is pending) under a lease that keeps every
// other dispatcher off them, POSTs each, and records the result: delivered, or a failed attempt
// with the next one after an exponential back-off, or 'failed' after the last attempt. Each
// message is tried at most once per call. Every status or lease change runs under the outbox's
// claim lock (outbox-lock.ts says why). Used by the serve loop (dispatcher.ts), by
// `ringwatch cases deliver` and by the tests.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Webhook } from 'standardwebhooks';
import type { Database } from '../../db/database.js';
import type { QueryRow } from '../../db/queries.js';
import type { Logger } from '../../logger.js';
import { retryDelayMs } from './backoff.js';
import { underOutboxLock } from './outbox-lock.js';
import type { OutboxEvent } from './outbox-events.js';
import { postWebhook, type PostResult } from './post-webhook.js';

export interface DeliverOptions {
  /** The receiver (RINGWATCH_WEBHOOK_URL). */
  url: string;
  /** The Standard Webhooks secret, `whsec_…`. */
  secret: string;
  /** One POST's time-out. */
  timeoutMs: number;
  /** Attempts before a message is 'failed'. */
  maxAttempts: number;
  /** The first retry waits about this long, each next one twice as long; 0 in tests. */
  retryBaseMs: number;
  /** Messages claimed per transaction (default 10). */
  batchSize?: number;
  /** The clock that decides what is due and when to retry (default: the system's). */
  now?: () => Date;
  /** The back-off's jitter, [0, 1) (default Math.random). */
  rng?: () => number;
  /** Only messages of cases whose id starts with this (default: all); tests use their prefix. */
  scope?: string;
  /** Who holds the leases (default: host, process and a random part). */
  owner?: string;
  /** Stops after the message being sent; its lease and the batch's are given back. */
  signal?: AbortSignal;
  logger?: Logger;
}

export interface DeliveryAttempt {
  id: string;
  event: OutboxEvent;
  caseId: string;
  /** retrying: failed this time, will be tried again at nextAttemptAt; failed: given up. */
  outcome: 'delivered' | 'retrying' | 'failed';
  status: number | null;
  error: string | null;
  /** Attempts so far in this round (retry starts a new round). */
  attempts: number;
  nextAttemptAt: string | null;
}

export interface DeliverySummary {
  delivered: number;
  retrying: number;
  failed: number;
  attempts: DeliveryAttempt[];
}

/** A lease covers the whole batch sent one after the other, plus this. */
const leaseMarginMs = 60_000;

type Claimed = QueryRow<'cases/outbox-claim'>;

export async function deliverDue(db: Database, options: DeliverOptions): Promise<DeliverySummary> {
  const clock = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 10;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID()}`;
  const signer = new Webhook(options.secret);
  const tried: string[] = [];
  const summary: DeliverySummary = { delivered: 0, retrying: 0, failed: 0, attempts: [] };

  while (!options.signal?.aborted) {
    const now = clock();
    const batch = await underOutboxLock(db, 'cases/outbox-claim', {
      now: now.toISOString(),
      leaseUntil: new Date(
        now.getTime() + batchSize * options.timeoutMs + leaseMarginMs,
      ).toISOString(),
      owner,
      scope: options.scope ?? '',
      exclude: tried,
      limit: batchSize,
    });
    if (batch.length === 0) break;
    for (const [index, message] of batch.entries()) {
      const result = options.signal?.aborted
        ? ({ outcome: 'stopped' } as const)
        : await postWebhook(signer, options, message, options.signal);
      if (result.outcome === 'stopped') {
        await underOutboxLock(db, 'cases/outbox-release', {
          ids: batch.slice(index).map((m) => m.id),
          owner,
        });
        return summary;
      }
      tried.push(message.id);
      const attempt = await record(db, options, owner, message, result, clock());
      summary.attempts.push(attempt);
      summary[attempt.outcome]++;
      log(options.logger, attempt);
    }
  }
  return summary;
}

async function record(
  db: Database,
  options: DeliverOptions,
  owner: string,
  message: Claimed,
  result: Exclude<PostResult, { outcome: 'stopped' }>,
  now: Date,
): Promise<DeliveryAttempt> {
  const base = { id: message.id, event: message.event, caseId: message.caseId };
  if (result.outcome === 'delivered') {
    const rows = await underOutboxLock(db, 'cases/outbox-delivered', {
      id: message.id,
      owner,
      now: now.toISOString(),
      status: result.status,
    });
    if (rows.length === 0) leaseLost(options.logger, message);
    return {
      ...base,
      outcome: 'delivered',
      status: result.status,
      error: null,
      attempts: message.attempts + 1,
      nextAttemptAt: null,
    };
  }
  const wait = retryDelayMs(message.attempts + 1, options.retryBaseMs, options.rng);
  const [row] = await underOutboxLock(db, 'cases/outbox-attempt-failed', {
    id: message.id,
    owner,
    now: now.toISOString(),
    nextAttemptAt: new Date(now.getTime() + wait).toISOString(),
    status: result.status,
    error: result.error,
    maxAttempts: options.maxAttempts,
  });
  if (row === undefined) leaseLost(options.logger, message);
  const failed = row?.status === 'failed';
  return {
    ...base,
    outcome: failed ? 'failed' : 'retrying',
    status: result.status,
    error: result.error,
    attempts: row?.attempts ?? message.attempts + 1,
    nextAttemptAt: failed || row === undefined ? null : new Date(row.nextAttemptAt).toISOString(),
  };
}

/** The lease ran out while sending and another dispatcher took the message: it sends it again. */
function leaseLost(logger: Logger | undefined, message: Claimed): void {
  logger?.warn(
    { outbox: message.id, caseId: message.caseId },
    'case webhook: the lease on this message ran out while it was being sent; another dispatcher may send it again (receivers deduplicate on webhook-id)',
  );
}

function log(logger: Logger | undefined, attempt: DeliveryAttempt): void {
  if (!logger) return;
  const fields = {
    outbox: attempt.id,
    event: attempt.event,
    caseId: attempt.caseId,
    status: attempt.status,
    attempts: attempt.attempts,
  };
  if (attempt.outcome === 'delivered') logger.info(fields, 'case webhook: delivered');
  else if (attempt.outcome === 'retrying')
    logger.warn(
      { ...fields, error: attempt.error, nextAttemptAt: attempt.nextAttemptAt },
      'case webhook: attempt failed; will try again',
    );
  else
    logger.error(
      { ...fields, error: attempt.error },
      `case webhook: gave up after ${attempt.attempts} attempts; send it again with \`ringwatch cases retry ${attempt.id}\` once the receiver is fixed`,
    );
}
