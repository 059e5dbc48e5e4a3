// `ringwatch cases deliver|deliveries|retry`: the case webhook from the console. `deliver` sends
// what is due now (as the loop in `ringwatch serve` does), `deliveries` lists them with their
// state and last error, `retry` sends a failed one again. Added to the `cases` command group
// that main.ts creates (other files add the case queue's own sub-commands to the same group).
import { userInfo } from 'node:os';
import { Option, type Command } from 'commander';
import { deliverDue, type DeliverySummary } from '../cases/outbox/deliver-due.js';
import { listDeliveries, retryDelivery, type Delivery } from '../cases/outbox/deliveries.js';
import { outboxEvents, outboxStatuses } from '../cases/outbox/outbox-events.js';
import type { OutboxEvent, OutboxStatus } from '../cases/outbox/outbox-events.js';
import { RingwatchError } from '../errors.js';
import { config, withDatabase } from './context.js';
import { positiveIntOption } from './options.js';
import { recordCli } from './users-command.js';

interface ListOptions {
  status?: OutboxStatus;
  case?: string;
  event?: OutboxEvent;
  before?: string;
  limit: number;
  json?: boolean;
}

export function addCaseDeliveryCommands(cases: Command): void {
  cases
    .command('deliver')
    .description(
      'send the case events that are due now to RINGWATCH_WEBHOOK_URL (signed, retried later with back-off); exit 1 when one failed for good',
    )
    .option('--case-prefix <prefix>', 'only the cases whose id starts with this (e.g. one case id)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { casePrefix?: string; json?: boolean }) => {
      const webhook = config().webhook;
      if (!webhook) {
        throw new RingwatchError(
          'cases: RINGWATCH_WEBHOOK_URL is not set, so there is nowhere to deliver to; set it and RINGWATCH_WEBHOOK_SECRET (README, "Configuration")',
        );
      }
      const summary = await withDatabase(config().neo4j, (db) =>
        deliverDue(db, { ...webhook, scope: options.casePrefix }),
      );
      if (options.json) console.log(JSON.stringify(summary, null, 2));
      else printSummary(summary);
      if (summary.failed > 0) process.exitCode = 1;
    });
  cases
    .command('deliveries')
    .description(
      'the case events sent (or to be sent) to the other case system, newest first, with their state, attempts and last error',
    )
    .addOption(new Option('--status <status>', 'only this state').choices(outboxStatuses))
    .option('--case <id>', 'only this case')
    .addOption(new Option('--event <event>', 'only this event').choices(outboxEvents))
    .option('--before <id>', 'the page after this delivery (the last id of the previous page)')
    .option('--limit <n>', 'at most this many (1–500)', positiveIntOption, 50)
    .option('--json', 'print as JSON')
    .action(async (options: ListOptions) => {
      const page = await withDatabase(config().neo4j, (db) =>
        listDeliveries(db, {
          status: options.status,
          caseId: options.case,
          event: options.event,
          before: options.before,
          limit: options.limit,
        }),
      );
      if (options.json) {
        console.log(JSON.stringify(page, null, 2));
        return;
      }
      if (page.deliveries.length === 0) console.log('No deliveries match.');
      for (const d of page.deliveries) console.log(deliveryLine(d));
      if (page.nextBefore) console.log(`More: --before ${page.nextBefore}`);
    });
  cases
    .command('retry <id>')
    .description('send a failed delivery again: pending, due now, with a fresh round of attempts')
    .action(async (id: string) => {
      const by = `cli:${userInfo().username}`;
      const delivery = await withDatabase(config().neo4j, async (db) => {
        const retried = await retryDelivery(db, id, by);
        await recordCli(db, `cases retry ${id} (${retried.event} of case ${retried.caseId})`);
        return retried;
      });
      console.log(
        `Delivery ${delivery.id} (${delivery.event} of case ${delivery.caseId}) is pending again, due now; a running \`ringwatch serve\` or \`ringwatch cases deliver\` sends it.`,
      );
    });
}

function printSummary(summary: DeliverySummary): void {
  if (summary.attempts.length === 0) {
    console.log('Nothing is due.');
    return;
  }
  for (const a of summary.attempts) {
    const what = `${a.event.padEnd(17)} case ${a.caseId}  ${a.id}`;
    if (a.outcome === 'delivered') console.log(`delivered  ${what} (HTTP ${a.status})`);
    else if (a.outcome === 'retrying')
      console.log(`retrying   ${what}: ${a.error}; next attempt at ${a.nextAttemptAt}`);
    else
      console.log(
        `FAILED     ${what}: ${a.error}; gave up after ${a.attempts} attempts (send it again with \`ringwatch cases retry ${a.id}\`)`,
      );
  }
  console.log(
    `Delivered ${summary.delivered}, to be tried again ${summary.retrying}, failed for good ${summary.failed}.`,
  );
}

function deliveryLine(d: Delivery): string {
  const head = `${d.id}  ${d.status.padEnd(9)} ${d.event.padEnd(17)} case ${d.caseId}  created ${d.createdAt}  attempts ${d.attempts}`;
  if (d.status === 'delivered') return `${head}  delivered ${d.deliveredAt}`;
  const error = d.lastError ? `  last error: ${d.lastError}` : '';
  if (d.status === 'pending') return `${head}  next ${d.nextAttemptAt}${error}`;
  return `${head}  failed ${d.failedAt}${error}`;
}
