import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { Webhook } from 'standardwebhooks';
import { mintDevToken } from '@passerelle/auth';
import { requestOpenedV1, RequestOpenedV1, windowOpenedV1 } from '@passerelle/contracts';
import { cloudEventOf, expectEventually, jsonClient, publishEvents, RunningService, startService, testKafka } from '@passerelle/testing';
import { notificationService } from '../../src/notification.definition';
import { NotificationModule } from '../../src/notification.module';
import { WebhookReceiver } from '@passerelle/system-driver';

const SETTINGS = {
  WEBHOOK_ALLOWED_ADDRESS_KINDS: 'loopback', WEBHOOK_RETRY_SCHEDULE_MS: '0,300,600,900', WEBHOOK_DISPATCH_EVERY_MS: '50', WEBHOOK_TIMEOUT_MS: '2000',
};

// The service catches up with every topic from the start while the other test files fill them.
jest.setTimeout(150_000);

/** Département 974: no other test file publishes events about it, so every webhook here is this file's. */
describe('notification: signed webhooks to the SPIPs and partners', () => {
  let service: RunningService;
  let producer: Producer;
  let receiver: WebhookReceiver;
  let call: ReturnType<typeof jsonClient>;
  const saved = Object.fromEntries(Object.keys(SETTINGS).map((name) => [name, process.env[name]]));
  const siao = mintDevToken({ subject: 'siao-974', roles: ['siao'], departements: ['974'] });
  const spip = mintDevToken({ subject: 'spip-974', roles: ['spip'], departements: ['974'] });
  // The window of the identity test is in 976: referral instances of other test files open a request
  // for it, and that request must not reach the subscriptions of 974.
  const siao976 = mintDevToken({ subject: 'siao-976', roles: ['siao'], departements: ['976'] });
  const spip976 = mintDevToken({ subject: 'spip-976', roles: ['spip'], departements: ['976'] });
  /** The service reads every topic from the start while other test files fill them: it may lag. */
  const eventually = <T>(assertion: () => Promise<T> | T) => expectEventually(assertion, { timeoutMs: 120_000 });

  beforeAll(async () => {
    Object.assign(process.env, SETTINGS);
    service = await startService(NotificationModule, notificationService);
    call = jsonClient(service.url);
    receiver = await WebhookReceiver.start();
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await service.close();
    await receiver.stop();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  /** A subscription of its own path on the receiver, for one kind of event. */
  async function subscribe(path: string, body: Record<string, unknown> = {}, token = siao) {
    const created = await call('POST', '/v1/subscriptions', token, {
      url: receiver.url(path), eventTypes: ['referral.request.opened'], departements: ['974'], role: 'siao', ...body,
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    return created.body as { id: string; secret: string };
  }

  /** A referral event about a new person, as referral publishes it; its id is the person's. */
  async function opened(overrides: Partial<RequestOpenedV1> = {}): Promise<RequestOpenedV1> {
    const data: RequestOpenedV1 = {
      referralId: randomUUID(), personId: randomUUID(), detentionId: randomUUID(), spipDepartement: '974', siaoDepartement: '974',
      expectedReleaseDate: '2027-03-31', urgent: false, ...overrides,
    };
    await publishEvents(producer, requestOpenedV1, cloudEventOf(requestOpenedV1, data));
    return data;
  }

  const bodiesAt = (path: string) => receiver.at(path).map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown>; id: string });

  it('posts a CloudEvent signed by the Standard Webhooks rules, which the standardwebhooks library verifies', async () => {
    const { secret } = await subscribe('/signed');
    const data = await opened();
    await eventually(() => expect(receiver.at('/signed')).toHaveLength(1));
    const [request] = receiver.at('/signed');
    const verified = new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as { type: string; data: RequestOpenedV1 };
    expect(verified).toMatchObject({ type: 'referral.request.opened.v1', data: { referralId: data.referralId } });
    expect(() => new Webhook(`whsec_${Buffer.from('another secret of 24 b!').toString('base64')}`).verify(request.body, request.headers as Record<string, string>)).toThrow();
    expect(request.headers['x-correlation-id']).toMatch(/^test-/);
  });

  it('gives a name only to the SPIP: any other subscriber gets no name, birth date or écrou', async () => {
    await subscribe('/siao-window', { eventTypes: ['release-calendar.*'], departements: ['976'] }, siao976);
    await subscribe('/spip-window', { eventTypes: ['release-calendar.window.opened'], departements: ['976'], role: 'spip' }, spip976);
    const personId = randomUUID();
    await publishEvents(producer, windowOpenedV1, cloudEventOf(windowOpenedV1, {
      detentionId: randomUUID(), personId, spipDepartement: '976', destinationDepartement: '976', expectedReleaseDate: '2027-03-31',
      opensOn: '2026-09-30', urgent: false, establishmentCode: 'CP-MARSEILLE', establishmentName: 'CP de Marseille',
      identity: { lastName: 'Durand', firstNames: 'Léa', birthDate: '1988-02-29' },
    }));
    await eventually(() => {
      expect(bodiesAt('/siao-window').filter((b) => b.data.personId === personId)).toHaveLength(1);
      expect(bodiesAt('/spip-window').filter((b) => b.data.personId === personId)).toHaveLength(1);
    });
    const forSiao = receiver.at('/siao-window').find((r) => r.body.includes(personId))!;
    expect(forSiao.body).not.toMatch(/Durand|Léa|1988-02-29|identity/);
    expect(bodiesAt('/spip-window').find((b) => b.data.personId === personId)!.data.identity).toEqual({ lastName: 'Durand', firstNames: 'Léa', birthDate: '1988-02-29' });
  });

  it('retries on the schedule with the same webhook-id until the endpoint recovers, and keeps one person\'s webhooks in order', async () => {
    const { id } = await subscribe('/flaky');
    receiver.answer('/flaky', { status: 500 }, { status: 503 });
    const personId = randomUUID();
    const first = await opened({ personId });
    const second = await opened({ personId });
    await eventually(() => expect(receiver.at('/flaky')).toHaveLength(4));
    const attempts = receiver.at('/flaky');
    expect(attempts.slice(0, 3).map((r) => r.headers['webhook-id'])).toEqual(Array(3).fill(attempts[0].headers['webhook-id']));
    expect(bodiesAt('/flaky').map((b) => b.data.referralId)).toEqual([first.referralId, first.referralId, first.referralId, second.referralId]);
    const history = await call('GET', `/v1/subscriptions/${id}/deliveries`, siao);
    const delivered = history.body.find((d: { eventId: string; attemptsLog: unknown[] }) => d.attemptsLog.length === 3);
    expect(delivered).toMatchObject({ status: 'succeeded', attempts: 3 });
    expect(delivered.attemptsLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 503, 200]);
    expect(delivered.attemptsLog.every((a: { latencyMs: number }) => a.latencyMs >= 0)).toBe(true);
  });

  it('disables an endpoint that answers 410 and sends it nothing more', async () => {
    const { id } = await subscribe('/gone');
    receiver.answer('/gone', { status: 410 });
    await opened();
    await eventually(async () => expect((await call('GET', `/v1/subscriptions/${id}`, siao)).body).toMatchObject({ status: 'disabled', disabledReason: expect.stringContaining('410') }));
    await opened();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.at('/gone')).toHaveLength(1);
    const notices = (await call('GET', '/v1/notices', siao)).body as { subscriptionId: string; message: string }[];
    expect(notices.find((notice) => notice.subscriptionId === id)?.message).toMatch(/was disabled \(endpoint answered 410 Gone\)/);
    expect((await call('GET', '/v1/notices', spip)).body.filter((notice: { subscriptionId: string }) => notice.subscriptionId === id)).toEqual([]);
  });

  it('waits as long as a 429 asks with Retry-After', async () => {
    await subscribe('/busy');
    receiver.answer('/busy', { status: 429, headers: { 'retry-after': '2' } });
    await opened();
    await eventually(() => expect(receiver.at('/busy')).toHaveLength(2));
    const [refused, accepted] = receiver.at('/busy');
    expect(accepted.at - refused.at).toBeGreaterThanOrEqual(1_900);
  });

  it('never follows a redirect, and refuses endpoints on private or link-local addresses', async () => {
    await subscribe('/moved');
    receiver.answer('/moved', { status: 302, headers: { location: receiver.url('/elsewhere') } });
    await opened();
    await eventually(() => expect(receiver.at('/moved')).toHaveLength(2));
    expect(receiver.at('/elsewhere')).toHaveLength(0);
    for (const url of ['http://169.254.169.254/latest/meta-data', 'https://[::ffff:a9fe:a9fe]/latest', 'https://10.0.0.5/hook', 'https://[fd00::1]/hook', 'http://example.org/hook']) {
      const refused = await call('POST', '/v1/subscriptions', siao, { url, eventTypes: ['*'], departements: ['974'], role: 'siao' });
      expect(refused.status).toBe(422);
      expect(refused.body.violations[0].field).toBe('url');
    }
  });

  it('signs with the old and the new secret side by side after a rotation', async () => {
    const { id, secret: old } = await subscribe('/rotated');
    const rotated = await call('POST', `/v1/subscriptions/${id}/secret-rotation`, siao);
    expect(rotated.status).toBe(200);
    await opened();
    await eventually(() => expect(receiver.at('/rotated')).toHaveLength(1));
    const [request] = receiver.at('/rotated');
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [old, rotated.body.secret]) expect(() => new Webhook(secret).verify(request.body, request.headers as Record<string, string>)).not.toThrow();
  });

  it('fails a delivery once the schedule is spent, and replays it, alone or with every failure since a date', async () => {
    const { id } = await subscribe('/down');
    receiver.answer('/down', ...Array(8).fill({ status: 500 }));
    await opened();
    await opened();
    await eventually(async () => {
      const failed = (await call('GET', `/v1/subscriptions/${id}/deliveries?status=failed`, siao)).body;
      expect(failed).toHaveLength(2);
    });
    const [latest] = (await call('GET', `/v1/subscriptions/${id}/deliveries?status=failed`, siao)).body;
    expect((await call('POST', `/v1/deliveries/${latest.id}/replay`, spip)).status).toBe(404);
    expect((await call('POST', `/v1/deliveries/${latest.id}/replay`, siao)).status).toBe(200);
    await eventually(async () => expect((await call('GET', `/v1/subscriptions/${id}/deliveries?status=succeeded`, siao)).body).toHaveLength(1));
    const replayed = await call('POST', `/v1/subscriptions/${id}/replay`, siao, { since: new Date(Date.now() - 3_600_000).toISOString() });
    expect(replayed.body).toEqual({ requeued: 1 });
    await eventually(async () => expect((await call('GET', `/v1/subscriptions/${id}/deliveries?status=succeeded`, siao)).body).toHaveLength(2));
  });

  it('keeps subscriptions to their owner and territory', async () => {
    const { id } = await subscribe('/owned');
    expect((await call('GET', `/v1/subscriptions/${id}`, spip)).status).toBe(404);
    const elsewhere = await call('POST', '/v1/subscriptions', siao, { url: receiver.url('/x'), eventTypes: ['*'], departements: ['84'], role: 'siao' });
    expect(elsewhere.body.violations[0]).toMatchObject({ field: 'departements', rule: 'inYourTerritory' });
    const notMyRole = await call('POST', '/v1/subscriptions', siao, { url: receiver.url('/x'), eventTypes: ['*'], departements: ['974'], role: 'spip' });
    expect(notMyRole.body.violations[0]).toMatchObject({ field: 'role', rule: 'isYourRole' });
    const badPattern = await call('POST', '/v1/subscriptions', siao, { url: receiver.url('/x'), eventTypes: ['referral.%'], departements: ['974'], role: 'siao' });
    expect(badPattern.body.violations[0]).toMatchObject({ field: 'eventTypes', rule: 'isEventPattern' });
    expect((await call('GET', '/v1/subscriptions', spip)).body.map((s: { id: string }) => s.id)).not.toContain(id);
    expect((await call('POST', '/v1/subscriptions', siao, { url: receiver.url('/x'), eventTypes: ['*'], departements: ['974'], role: 'prefecture' })).status).toBe(400);
    expect((await call('POST', `/v1/subscriptions/${id}/replay`, siao, { since: '2026-W48-1' })).status).toBe(400);
    expect((await call('POST', `/v1/subscriptions/${id}/pause`, siao)).body.status).toBe('paused');
    expect((await call('DELETE', `/v1/subscriptions/${id}`, siao)).status).toBe(204);
  });
});
