import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; event: string; createdAt: string; data: Record<string, unknown> };
  /** The X-GPMB-Signature matched the HMAC of the raw body with the secret the receiver was told. */
  signatureValid: boolean;
}

/**
 * A real HTTP receiver on 127.0.0.1 and a random port, as an API client would run one. `respond`
 * decides each answer (status, or a promise to hold the request open); every request is recorded.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  secret = '';
  respond: (request: ReceivedWebhook, index: number) => number | Promise<number> = () => 200;
  private server: Server | undefined;

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hooks`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks);
        const expected = `sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`;
        const given = String(request.headers['x-gpmb-signature'] ?? '');
        const received: ReceivedWebhook = {
          headers: request.headers,
          body: raw.toString('utf8'),
          json: JSON.parse(raw.toString('utf8')) as ReceivedWebhook['json'],
          signatureValid:
            given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected)),
        };
        this.received.push(received);
        void Promise.resolve(this.respond(received, this.received.length - 1)).then(
          (status) => response.writeHead(status).end(),
          () => response.destroy(),
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
