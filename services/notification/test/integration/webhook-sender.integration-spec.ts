import { Webhook } from 'standardwebhooks';
import { systemClock } from '@passerelle/service-kit';
import { HttpWebhookSender } from '../../src/adapters/outbound/http-webhook-sender';
import { WebhookSettings } from '../../src/application/ports/webhook.ports';
import { WebhookReceiver } from '@passerelle/system-driver';

const settings = (allowed: WebhookSettings['allowedAddressKinds']): WebhookSettings => ({
  retryScheduleMs: [0], timeoutMs: 1_000, secretGraceMs: 0, dispatchEveryMs: 0, allowedAddressKinds: allowed,
});
const secret = `whsec_${Buffer.from('a secret of twenty-four!!').toString('base64')}`;

describe('the webhook sender against a real local endpoint', () => {
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });

  afterAll(() => receiver.stop());

  it('refuses at connection time a name that resolves to an address the policy forbids', async () => {
    const sender = new HttpWebhookSender(settings(new Set()), systemClock);
    const url = receiver.url('/guarded').replace('127.0.0.1', 'localhost');
    const result = await sender.send({ url, webhookId: 'msg_1', body: '{}', secrets: [secret] });
    expect(result).toMatchObject({ kind: 'failed', error: 'refused: localhost resolves to an address webhooks may not reach' });
    expect(receiver.at('/guarded')).toHaveLength(0);
    const literal = await sender.send({ url: receiver.url('/guarded').replace('127.0.0.1', '[::ffff:7f00:1]'), webhookId: 'msg_4', body: '{}', secrets: [secret] });
    expect(literal).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^refused: \[::ffff:7f00:1\] is an address/) });
    expect(receiver.at('/guarded')).toHaveLength(0);
  });

  it('signs what it sends, and fails an attempt that no endpoint answers', async () => {
    const sender = new HttpWebhookSender(settings(new Set(['loopback'])), systemClock);
    const answered = await sender.send({ url: receiver.url('/ok'), webhookId: 'msg_2', body: '{"a":1}', secrets: [secret] });
    expect(answered).toMatchObject({ kind: 'answered', status: 200 });
    const [request] = receiver.at('/ok');
    expect(new Webhook(secret).verify(request.body, request.headers as Record<string, string>)).toEqual({ a: 1 });
    const silent = await sender.send({ url: 'http://127.0.0.1:9/never', webhookId: 'msg_3', body: '{}', secrets: [secret] });
    expect(silent.kind).toBe('failed');
  });
});
