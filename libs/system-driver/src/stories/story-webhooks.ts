import { timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { strictJsonClient } from '../api-client';
import { ServiceUrls } from '../services';
import { tokens } from '../tokens';
import { ReceivedWebhook, WebhookReceiver } from '../webhook-receiver';
import { until } from './until';

export type Subscriber = 'spip' | 'siao';

/** A webhook as the stories read it: who received it, the CloudEvent inside, whether its signature holds. */
export interface StoryWebhook {
  subscriber: Subscriber;
  webhookId: string;
  /** The CloudEvent's id: the same event reaches the SPIP and the SIAO under two webhook ids. */
  eventId: string;
  /** The CloudEvent type without its version, e.g. `referral.request.opened`. */
  type: string;
  data: Record<string, unknown>;
  signatureVerified: boolean;
}

interface Subscription {
  id: string;
  secret: string;
  token: string;
  path: string;
}

/**
 * A SPIP's and a SIAO's systems listening to Passerelle: a local receiver, one subscription each
 * for every event of a département (the SPIP's with identities, the SIAO's without), and the
 * signature of each webhook checked with the secret the subscription answered.
 */
export class StoryWebhooks {
  private readonly subscriptions = new Map<Subscriber, Subscription>();
  private readonly taken = new Set<string>();
  /** The webhooks read so far, in the order received, and how many of the receiver's requests that was. */
  private readonly parsed: StoryWebhook[] = [];
  private read = 0;

  private constructor(private readonly urls: ServiceUrls, readonly receiver: WebhookReceiver) {}

  static async start(urls: ServiceUrls, departement: string): Promise<StoryWebhooks> {
    const webhooks = new StoryWebhooks(urls, await WebhookReceiver.start());
    for (const role of ['spip', 'siao'] as const) await webhooks.subscribe(role, departement);
    return webhooks;
  }

  /** Every webhook received about one of these people, in the order received, each signature checked. */
  about(...personIds: string[]): StoryWebhook[] {
    const received = this.receiver.received;
    for (; this.read < received.length; this.read += 1) {
      const webhook = received[this.read];
      const [subscriber, subscription] = [...this.subscriptions.entries()].find(([, s]) => s.path === webhook.path) ?? [];
      if (subscriber && subscription) this.parsed.push(readWebhook(subscriber, webhook, subscription.secret));
    }
    return this.parsed.filter((webhook) => personIds.includes(webhook.data.personId as string));
  }

  /**
   * Waits until each of `types` has come about the person (to either subscriber; a type named twice
   * must come twice), and returns the types, in order, of the events about them not returned
   * before whose type starts with `family` (a service's, say): what the last step caused there.
   */
  async caused(personId: string, types: string[], family = ''): Promise<string[]> {
    const unseen = () => this.about(personId)
      .filter((webhook) => webhook.type.startsWith(family) && !this.taken.has(`${webhook.subscriber}/${webhook.webhookId}`));
    const fresh = await until(`webhooks ${types.join(', ')} about ${personId}`, async () => {
      const events = [...new Map(unseen().map((webhook) => [webhook.eventId, webhook.type])).values()];
      if (types.every((type) => events.filter((event) => event === type).length >= types.filter((t) => t === type).length)) return unseen();
      throw new Error(`received so far: ${this.about(personId).map((webhook) => webhook.type).join(', ')}`);
    });
    for (const webhook of fresh) this.taken.add(`${webhook.subscriber}/${webhook.webhookId}`);
    return [...new Map(fresh.map((webhook) => [webhook.eventId, webhook.type])).values()];
  }

  /** Deletes the subscriptions (nothing is left to retry against a receiver that is gone) and stops the receiver. */
  async stop(): Promise<void> {
    for (const subscription of this.subscriptions.values()) {
      await strictJsonClient(this.urls.notification)('DELETE', `/v1/subscriptions/${subscription.id}`, subscription.token).catch(() => undefined);
    }
    await this.receiver.stop();
  }

  private async subscribe(role: Subscriber, departement: string): Promise<void> {
    const token = tokens.of(role, [departement]);
    const path = `/${role}-${departement}`;
    const created = await strictJsonClient(this.urls.notification)('POST', '/v1/subscriptions', token, {
      url: this.receiver.url(path), eventTypes: ['*'], departements: [departement], role,
    });
    this.subscriptions.set(role, { id: created.body.id, secret: created.body.secret, token, path });
  }
}

function readWebhook(subscriber: Subscriber, webhook: ReceivedWebhook, secret: string): StoryWebhook {
  const event = JSON.parse(webhook.body) as { id: string; type: string; data: Record<string, unknown> };
  return {
    subscriber,
    webhookId: String(webhook.headers['webhook-id']),
    eventId: event.id,
    type: event.type.replace(/\.v\d+$/, ''),
    data: event.data,
    signatureVerified: signatureHolds(webhook, secret),
  };
}

/**
 * The Standard Webhooks signature, computed by the standardwebhooks library over the webhook's id,
 * timestamp and body. The timestamp is the story's (the services' clocks are ahead of this
 * machine's), so the library's five-minute freshness check, made against this machine's clock, is
 * left out; the signature itself is checked exactly as `Webhook.verify` does.
 */
export function signatureHolds(webhook: ReceivedWebhook, secret: string): boolean {
  const header = (name: string) => String(webhook.headers[name] ?? '');
  const timestamp = Number(header('webhook-timestamp'));
  if (!Number.isInteger(timestamp)) return false;
  const expected = Buffer.from(new Webhook(secret).sign(header('webhook-id'), new Date(timestamp * 1000), webhook.body).split(',')[1]);
  return header('webhook-signature').split(' ').some((signed) => {
    const [version, signature] = signed.split(',');
    const given = Buffer.from(signature ?? '');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}
