import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { mintDevToken } from '@passerelle/auth';
import { windowOpenedV1 } from '@passerelle/contracts';
import { WebhookReceiver } from '@passerelle/system-driver';
import { cloudEventOf, expectEventually, jsonClient, publishEvents, queryRows, RunningService, startService, testKafka } from '@passerelle/testing';
import { notificationService } from '../../src/notification.definition';
import { NotificationModule } from '../../src/notification.module';

const SETTINGS = { WEBHOOK_ALLOWED_ADDRESS_KINDS: 'loopback', WEBHOOK_DISPATCH_EVERY_MS: '50' };
/** No other test file publishes about this département: its figures and webhooks are this file's. */
const DEPARTEMENT = '04';
const spip = mintDevToken({ subject: 'spip-04', roles: ['spip'], departements: [DEPARTEMENT] });
const prefecture = mintDevToken({ subject: 'pref-04', roles: ['prefecture'], departements: [DEPARTEMENT] });
const admin = mintDevToken({ subject: 'dpo', roles: ['admin'], departements: [] });

// The service catches up with every topic from the start while the other test files fill them.
jest.setTimeout(300_000);

describe('notification: retention and subject access', () => {
  let service: RunningService;
  let producer: Producer;
  let receiver: WebhookReceiver;
  let call: ReturnType<typeof jsonClient>;
  const saved = Object.fromEntries(Object.keys(SETTINGS).map((name) => [name, process.env[name]]));
  const eventually = <T>(assertion: () => Promise<T> | T) => expectEventually(assertion, { timeoutMs: 240_000 });

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

  const deliveriesOf = (personId: string) => queryRows<{ id: string; status: string; body: string; erased_on: Date | null }>(
    `SELECT id, status, body, erased_on FROM ${service.schema}.webhook_deliveries WHERE ordering_key = $1`, [personId],
  );
  async function windowOpened(lastName: string) {
    const personId = randomUUID();
    await publishEvents(producer, windowOpenedV1, cloudEventOf(windowOpenedV1, {
      detentionId: randomUUID(), personId, spipDepartement: DEPARTEMENT, destinationDepartement: DEPARTEMENT, expectedReleaseDate: '2027-03-31',
      opensOn: '2026-09-30', urgent: false, establishmentCode: 'CD-DIGNE', establishmentName: 'Centre de détention de Digne',
      identity: { lastName, firstNames: 'Inès', birthDate: '1991-07-14' },
    }));
    await eventually(async () => expect((await deliveriesOf(personId)).map(({ status }) => status)).toEqual(['succeeded']));
    return personId;
  }
  const indicators = async () => {
    const answer = await call('GET', `/v1/indicators?departement=${DEPARTEMENT}&from=2026-09-01&to=2027-03-31`, prefecture);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('takes the names out of deliveries finished more than 24 months ago, once, keeps the recent ones and every figure', async () => {
    // The first delivery happens on a day long gone, the second today: the clock moves back, not forward,
    // so the service never judges the events it is still catching up with from a day years away.
    const now = service.clock.now().toISOString();
    service.clock.set('2026-06-01T12:00:00+02:00');
    const created = await call('POST', '/v1/subscriptions', spip, {
      url: receiver.url('/spip'), eventTypes: ['release-calendar.window.opened'], departements: [DEPARTEMENT], role: 'spip',
    });
    expect(created.status).toBe(201);
    const old = await windowOpened('Moreau');
    service.clock.set(now);
    const recent = await windowOpened('Girard');
    service.clock.set('2028-07-15T12:00:00+02:00');
    const figures = await indicators();

    const sweep = await call('POST', '/v1/admin/retention-sweep', admin);
    expect(sweep.status).toBe(200);
    expect(sweep.body).toMatchObject({ today: '2028-07-15', closedBefore: '2026-07-15' });
    expect(sweep.body.erased).toBeGreaterThanOrEqual(1);

    const [erased] = await deliveriesOf(old);
    expect(erased.body).not.toMatch(/Moreau|Inès|1991-07-14|identity/);
    expect(JSON.parse(erased.body)).toMatchObject({ type: 'release-calendar.window.opened.v1', data: { personId: old, spipDepartement: DEPARTEMENT } });
    expect((await deliveriesOf(recent))[0]).toMatchObject({ erased_on: null, body: expect.stringContaining('Girard') });
    expect(await indicators()).toEqual(figures);

    expect((await call('POST', '/v1/admin/retention-sweep', admin)).status).toBe(200);
    expect(await deliveriesOf(old)).toEqual([erased]);
    const erasures = await queryRows(`SELECT resource_id FROM ${service.schema}.audit_log WHERE action = 'erase' AND person_id = $1`, [old]);
    expect(erasures).toEqual([{ resource_id: erased.id }]);
    expect(await indicators()).toEqual(figures);

    const exported = await call('GET', `/v1/admin/people/${old}/export`, admin);
    expect(exported.status).toBe(200);
    expect(exported.body.tables.webhook_deliveries).toEqual([expect.objectContaining({ id: erased.id })]);
    expect(exported.body.tables.webhook_attempts).toEqual([expect.objectContaining({ delivery_id: erased.id, status_code: 200 })]);
    // Other test files' referral instances answer the window with their own events about this person: all belong here.
    expect(exported.body.tables.inbox).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'release-calendar.window.opened.v1' })]));
    expect(exported.body.tables.inbox.map((row: { partition_key: string }) => row.partition_key)).toEqual(exported.body.tables.inbox.map(() => old));
    expect(exported.body.tables.audit_log.map((row: { action: string }) => row.action)).toEqual(['erase', 'export']);
    expect(JSON.stringify(exported.body)).not.toContain(recent);
    expect((await call('GET', `/v1/admin/people/${old}/export`, prefecture)).status).toBe(403);
  });
});
