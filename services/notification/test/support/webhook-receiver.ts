import { AddressInfo } from 'node:net';
import * as http from 'node:http';

export interface ReceivedWebhook {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  path: string;
}

export type Answer = { status: number; headers?: Record<string, string> };

/**
 * A real local HTTP endpoint, as a SPIP's system would run one: records every request, and
 * answers what the test says (200 unless told otherwise, per path).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly answers = new Map<string, Answer[]>();
  private server?: http.Server;

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        receiver.received.push({ at: Date.now(), headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), path });
        const answer = receiver.answers.get(path)?.shift() ?? { status: 200 };
        response.writeHead(answer.status, answer.headers).end();
      });
    });
    await new Promise<void>((resolve) => receiver.server!.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}${path}`;
  }

  /** The next answers of one path, in order; then 200 again. */
  answer(path: string, ...answers: Answer[]): void {
    this.answers.set(path, [...(this.answers.get(path) ?? []), ...answers]);
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((request) => request.path === path);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
