import { createHmac } from 'node:crypto';
import { lookup, LookupAddress } from 'node:dns';
import * as http from 'node:http';
import { isIP, LookupFunction } from 'node:net';
import * as https from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@passerelle/service-kit';
import { OutgoingWebhook, WEBHOOK_SETTINGS, WebhookSender, WebhookSettings } from '../../application/ports/webhook.ports';
import { retryAfterMs, AttemptResult } from '../../domain/webhooks/attempt-outcome';
import { isReachable } from '../../domain/webhooks/address-guard';

/**
 * Standard Webhooks over node's http client: `webhook-id`, `webhook-timestamp`, `webhook-signature`
 * (`v1,` HMAC-SHA256 of `id.timestamp.body` with each secret). The address is checked when the
 * socket connects (a name cannot be re-pointed at a private address after a first check), and a
 * redirect is an answer like any other: never followed.
 */
@Injectable()
export class HttpWebhookSender implements WebhookSender {
  constructor(
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  send(webhook: OutgoingWebhook): Promise<AttemptResult> {
    const started = Date.now();
    const latency = () => Date.now() - started;
    const url = new URL(webhook.url);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // Node never calls `lookup` for an address written in the URL: it is checked here instead.
    if (isIP(host) && !isReachable(host, { allowed: this.settings.allowedAddressKinds })) {
      return Promise.resolve({ kind: 'failed', error: `refused: ${url.hostname} is an address webhooks may not reach`, latencyMs: 0 });
    }
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: AttemptResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(result);
      };
      const request = client.request(url, {
        method: 'POST',
        lookup: this.guardedLookup,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Passerelle-Webhooks/1',
          'webhook-id': webhook.webhookId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatures(webhook, timestamp),
          ...(webhook.correlationId ? { 'x-correlation-id': webhook.correlationId } : {}),
        },
      }, (response) => {
        response.resume();
        response.on('end', () => settle({
          kind: 'answered', status: response.statusCode ?? 0, latencyMs: latency(),
          retryAfterMs: retryAfterMs(header(response.headers['retry-after']), this.clock.now()),
        }));
        response.on('close', () => settle({ kind: 'failed', error: 'the answer was cut off', latencyMs: latency() }));
      });
      // A hard deadline, not an idle timeout: an endpoint trickling bytes cannot outlive the delivery's lease.
      const deadline = setTimeout(() => request.destroy(new Error(`no complete answer within ${this.settings.timeoutMs} ms`)), this.settings.timeoutMs);
      request.on('error', (error) => settle({ kind: 'failed', error: error.message, latencyMs: latency() }));
      request.end(webhook.body);
    });
  }

  /** Resolves as node would, then refuses the connection when an address is one webhooks may not reach. */
  private readonly guardedLookup: LookupFunction = (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((address) => !isReachable(address.address, { allowed: this.settings.allowedAddressKinds }));
      if (refused) return callback(new Error(`refused: ${hostname} resolves to an address webhooks may not reach`), '', 0);
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

function signatures(webhook: OutgoingWebhook, timestamp: number): string {
  const content = `${webhook.webhookId}.${timestamp}.${webhook.body}`;
  return webhook.secrets
    .map((secret) => `v1,${createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64')).update(content).digest('base64')}`)
    .join(' ');
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
