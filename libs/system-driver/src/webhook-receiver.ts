import { AddressInfo } from 'node:net';
import * as http from 'node:http';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  path: string;
}

export type Answer = { status: number; headers?: Record<string, string> };

/**
 * A real local HTTP endpoint, as a SPIP's system would run one: records every request, and
 * answers what its user says (200 unless told otherwise, per path). It can go down and come
 * back on the same port, as a partner's server does.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly answers = new Map<string, Answer[]>();
  private server?: http.Server;
  private port = 0;

  /** On `port`, or on a free one when 0. */
  static async start(port = 0): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.port = port;
    await receiver.up();
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The next answers of one path, in order; then 200 again. */
  answer(path: string, ...answers: Answer[]): void {
    this.answers.set(path, [...(this.answers.get(path) ?? []), ...answers]);
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((request) => request.path === path);
  }

  /** The body of a webhook, checked against a subscription's `whsec_` secret (throws if the signature is wrong). */
  static verified<T = unknown>(webhook: ReceivedWebhook, secret: string): T {
    return new Webhook(secret).verify(webhook.body, webhook.headers as Record<string, string>) as T;
  }

  /** Stops answering (connections are refused) until `up()`; what was received is kept. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  }

  async up(): Promise<void> {
    const server = http.createServer((request, response) => this.record(request, response));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  stop(): Promise<void> {
    return this.down();
  }

  private record(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      this.received.push({ at: Date.now(), headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), path });
      const answer = this.answers.get(path)?.shift() ?? { status: 200 };
      response.writeHead(answer.status, answer.headers).end();
    });
  }
}
