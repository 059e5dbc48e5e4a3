// A real webhook receiver for tests: node:http on 127.0.0.1 that checks every message's
// signature with the standardwebhooks package (as a real receiver would), keeps what it got in
// order, and answers as the test says: a status (at once, or when a promise settles), or never
// ('hang').
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  /** webhook-id: the outbox id. */
  id: string;
  timestamp: string;
  body: string;
  /** Webhook.verify accepted the signature (with the receiver's secret). */
  verified: boolean;
  /** The parsed body's `type` (the event). */
  type: string | undefined;
  caseId: string | undefined;
  contentType: string | undefined;
}

/** The answer to one message: an HTTP status, now or later, or no answer at all. */
export type Respond = (message: Received, index: number) => number | Promise<number> | 'hang';

export class WebhookReceiver {
  readonly received: Received[] = [];
  private listeners: ((message: Received) => void)[] = [];
  private boundPort = 0;

  private constructor(
    private readonly server: Server,
    private readonly webhook: Webhook,
    public respond: Respond,
  ) {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void readBody(req).then((body) => {
        const message = check(this.webhook, req, body);
        const answer = this.respond(message, this.received.length);
        this.received.push(message);
        for (const listener of this.listeners) listener(message);
        if (answer === 'hang') return;
        void Promise.resolve(answer).then((status) => {
          res.writeHead(message.verified ? status : 401, { 'content-type': 'text/plain' });
          res.end(message.verified ? `answered ${status}` : 'bad signature');
        });
      });
    });
  }

  static async start(secret: string, respond: Respond = () => 204, port = 0) {
    const receiver = new WebhookReceiver(createServer(), new Webhook(secret), respond);
    await new Promise<void>((resolve, reject) => {
      receiver.server.once('error', reject);
      receiver.server.listen(port, '127.0.0.1', resolve);
    });
    receiver.boundPort = (receiver.server.address() as AddressInfo).port;
    return receiver;
  }

  /** The port it listens on (kept after close, to listen there again). */
  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/ringwatch`;
  }

  /** Resolves with the next message this receiver gets. */
  next(): Promise<Received> {
    return new Promise((resolve) => {
      const listener = (message: Received) => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(message);
      };
      this.listeners.push(listener);
    });
  }

  /** Closes the port (requests left hanging are cut). */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function check(webhook: Webhook, req: IncomingMessage, body: string): Received {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : '';
  };
  let verified = false;
  try {
    webhook.verify(body, {
      'webhook-id': header('webhook-id'),
      'webhook-timestamp': header('webhook-timestamp'),
      'webhook-signature': header('webhook-signature'),
    });
    verified = true;
  } catch {
    verified = false;
  }
  let parsed: { type?: string; data?: { caseId?: string } } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    // not JSON: left empty
  }
  return {
    id: header('webhook-id'),
    timestamp: header('webhook-timestamp'),
    body,
    verified,
    type: parsed.type,
    caseId: parsed.data?.caseId,
    contentType: req.headers['content-type'],
  };
}
