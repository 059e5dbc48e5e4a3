// One delivery attempt: the message's payload POSTed to the receiver, signed as the Standard
// Webhooks specification says (headers webhook-id = the outbox id, webhook-timestamp,
// webhook-signature = v1,base64(HMAC-SHA256(secret, "id.timestamp.payload"))), with a time-out.
// A 2xx answer is a delivery; anything else — another status, a redirect, no answer in time,
// no connection — is a failed attempt, described in plain words for the deliveries list.
import type { Webhook } from 'standardwebhooks';
import { appVersion } from '../../version.js';

export interface PostTarget {
  url: string;
  timeoutMs: number;
}

export type PostResult =
  | { outcome: 'delivered'; status: number }
  | { outcome: 'failed'; status: number | null; error: string }
  /** `stop` was signalled before the receiver answered: not an attempt, send it again later. */
  | { outcome: 'stopped' };

/** How much of a refusing receiver's answer is kept as the error. */
const errorBodyChars = 200;

export async function postWebhook(
  signer: Webhook,
  target: PostTarget,
  message: { id: string; payload: string },
  stop?: AbortSignal,
): Promise<PostResult> {
  const sentAt = new Date();
  const timeout = AbortSignal.timeout(target.timeoutMs);
  const signal = stop ? AbortSignal.any([timeout, stop]) : timeout;
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      redirect: 'manual',
      signal,
      headers: {
        'content-type': 'application/json',
        'user-agent': `ringwatch/${appVersion}`,
        'webhook-id': message.id,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': signer.sign(message.id, sentAt, message.payload),
      },
      body: message.payload,
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel();
      return { outcome: 'delivered', status: response.status };
    }
    return { outcome: 'failed', status: response.status, error: await refusal(response) };
  } catch (error) {
    if (stop?.aborted) return { outcome: 'stopped' };
    if (timeout.aborted) {
      return {
        outcome: 'failed',
        status: null,
        error: `no answer within ${target.timeoutMs / 1000} s (RINGWATCH_WEBHOOK_TIMEOUT_SECONDS)`,
      };
    }
    return { outcome: 'failed', status: null, error: connectionError(error) };
  }
}

async function refusal(response: Response): Promise<string> {
  const what = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    const location = response.headers.get('location');
    return `${what}: redirected${location ? ` to ${location}` : ''}; set RINGWATCH_WEBHOOK_URL to the address that answers`;
  }
  const text = await response.text().catch(() => '');
  const said = text.replace(/\s+/g, ' ').trim().slice(0, errorBodyChars);
  return said ? `${what}: ${said}` : what;
}

/** fetch says "fetch failed"; the reason (refused, unknown host, reset) is in its cause. */
function connectionError(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause;
  const reason =
    cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return `could not reach the receiver: ${reason}`;
}
