import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { deadLetterTopicOf, Topics } from '@passerelle/contracts';
import { addDays } from '@passerelle/domain-kernel';
import { expectEventually, ProbedRecord, TopicProbe } from '@passerelle/testing';
import { JsonCall, strictJsonClient, SystemProcesses, tokens, WebhookReceiver } from '@passerelle/system-driver';
import { CrowdRun, Subscribed } from './crowd-run';
import { lastDay } from './crowd-scenario';
import { COMPARED_FIGURES, expectedFigures } from './expected-figures';

export interface CheckOutcome {
  name: string;
  ok: boolean;
  detail: string;
}

const EVENT_TOPICS = [Topics.releaseCalendar, Topics.referral, Topics.housingPlacement];
const MAX_INDICATOR_DAYS = 366;
const FLOW_FIGURES = ['detentionsRegistered', 'requestsOpened', 'requestsSubmitted', 'requestsOriented', 'placementsConfirmed', 'peopleEntered', 'sortiesSeches'];

/**
 * The end of the story, checked against what the test itself did: one request per window opened,
 * the alerts and sorties sèches the rules call for, every webhook once per subscription, and the
 * préfecture's figures equal to a count of the test's own data. Each check prints one line.
 */
export class CrowdChecks {
  private records: ProbedRecord[] = [];
  private ownIds = new Set<string>();
  private readonly ecrouOf = new Map<string, string>();
  readonly outcomes: CheckOutcome[] = [];

  constructor(
    private readonly run: CrowdRun,
    private readonly system: SystemProcesses,
    private readonly receiver: WebhookReceiver,
    private readonly kafka: Kafka,
    private readonly pool: Pool,
    private readonly runId: string,
  ) {
    for (const [ecrou, ids] of run.ids) this.ecrouOf.set(ids.personId, ecrou);
  }

  async all(): Promise<CheckOutcome[]> {
    await this.readEverything();
    this.imports();
    await this.requests();
    this.othersKeptOut();
    await this.alerts();
    this.sortiesSeches();
    this.nothingDeadLettered();
    for (const subscription of this.run.subscriptions) await this.webhooks(subscription);
    await this.indicators();
    return this.outcomes;
  }

  private record(name: string, ok: boolean, detail: string): void {
    this.outcomes.push({ name, ok, detail });
    console.log(`[check] ${detail}: ${ok ? 'ok' : 'FAILED'}`);
  }

  private get departement(): string {
    return this.run.scenario.departement;
  }

  /** Every record of the topics up to their end now, and the ids this run's services published. */
  private async readEverything(): Promise<void> {
    this.records = await readToTheEnd(this.kafka, [...EVENT_TOPICS, ...EVENT_TOPICS.map(deadLetterTopicOf)]);
    for (const service of ['release_calendar', 'referral', 'housing_placement']) {
      const { rows } = await this.pool.query(`SELECT id::text FROM "${this.runId}_${service}".outbox`);
      for (const row of rows) this.ownIds.add(row.id);
    }
  }

  /** Distinct events (a relay may publish a row twice after a crash: same id) of this run about its people. */
  private ownEvents(type: string): Array<{ ecrou: string; data: Record<string, unknown>; day: string }> {
    const seen = new Set<string>();
    return this.records.filter((r) => r.header('ce_type') === type && this.ownIds.has(r.header('ce_id')!) && this.ecrouOf.has(r.key))
      .filter((r) => !seen.has(r.header('ce_id')!) && seen.add(r.header('ce_id')!))
      .map((r) => ({ ecrou: this.ecrouOf.get(r.key)!, data: r.json<Record<string, unknown>>(), day: parisDay(r.header('ce_time')!) }));
  }

  private imports(): void {
    const people = this.run.scenario.people.length;
    const corrected = this.run.scenario.people.filter((p) => p.correctedReleaseDate).length;
    const [first, again, correction] = this.run.imports.map(({ created, updated, unchanged, rejected }) => ({ created, updated, unchanged, rejected: rejected.length }));
    const ok = same(first, { created: people, updated: 0, unchanged: 0, rejected: 0 })
      && same(again, { created: 0, updated: 0, unchanged: people, rejected: 0 })
      && same(correction, { created: 0, updated: corrected, unchanged: people - corrected, rejected: 0 });
    this.record('imports', ok, `registry imported (${first.created} created), re-run (${again.unchanged} unchanged, ${again.updated} updated), corrected (${correction.updated} dates moved): ${JSON.stringify([first, again, correction])}`);
  }

  private async requests(): Promise<void> {
    const listed = await this.allPages(strictJsonClient(this.system.urls.referral), `/v1/referrals?spip=${this.departement}`, tokens.of('spip', [this.departement]));
    const byDetention = new Map<string, Array<{ status: string }>>();
    for (const referral of listed) byDetention.set(referral.detentionId, [...(byDetention.get(referral.detentionId) ?? []), referral]);
    const opened = countBy(this.ownEvents('referral.request.opened.v1').map((e) => e.ecrou));
    const problems: string[] = [];
    let expectedRequests = 0;
    for (const [ecrou, expected] of this.run.world.people) {
      const found = byDetention.get(this.run.ids.get(ecrou)!.detentionId) ?? [];
      const wanted = expected.request ? 1 : 0;
      expectedRequests += wanted;
      if (found.length !== wanted || (opened.get(ecrou) ?? 0) !== wanted) problems.push(`${ecrou}: ${found.length} requests, ${opened.get(ecrou) ?? 0} opened events, ${wanted} expected`);
      else if (expected.request && found[0].status !== expected.request.status) problems.push(`${ecrou}: ${found[0].status} instead of ${expected.request.status}`);
    }
    const never = this.run.world.people.size - expectedRequests;
    this.record('requests', problems.length === 0,
      `${expectedRequests - problems.length} of ${expectedRequests} windows opened have exactly one SIAO request in the right status, none for the ${never} whose window never opened${sample(problems)}`);
  }

  /** Other instances acting on this run's people (tests sharing the broker) would make the figures differ. */
  private othersKeptOut(): void {
    const foreign = this.records.filter((r) => EVENT_TOPICS.includes(r.topic as (typeof EVENT_TOPICS)[number]) && this.ecrouOf.has(r.key) && !this.ownIds.has(r.header('ce_id')!));
    this.record('isolation', foreign.length === 0, `${foreign.length} events about this run's people published by other instances${sample(foreign.map((r) => r.header('ce_type')!))}`);
  }

  private async alerts(): Promise<void> {
    const world = this.run.world;
    const changes = [
      ...this.ownEvents('referral.alert.raised.v1').map((e) => ({ ...e, change: 'raised' })),
      ...this.ownEvents('referral.alert.escalated.v1').map((e) => ({ ...e, change: 'escalated' })),
      ...this.ownEvents('referral.alert.resolved.v1').map((e) => ({ ...e, change: 'resolved' })),
    ].map((e) => `${e.ecrou} ${e.data.kind} ${e.change} ${e.data.level} ${e.day}`);
    const expected = world.alertLog.map((a) => `${a.ecrou} ${a.kind} ${a.change} ${a.level} ${a.day}`);
    const { missing, extra } = difference(expected, changes);
    this.record('alert changes', missing.length + extra.length === 0,
      `${changes.length} alert changes published for ${expected.length} expected (raised, escalated, resolved, by kind, level and day)${sample(missing, 'missing')}${sample(extra, 'unexpected')}`);

    const { body } = await strictJsonClient(this.system.urls.referral)('GET', '/v1/alerts', tokens.of('spip', [this.departement]));
    const open = (body as Array<{ personId: string; kind: string; level: string }>).filter((a) => this.ecrouOf.has(a.personId))
      .map((a) => `${this.ecrouOf.get(a.personId)} ${a.kind} ${a.level}`);
    const expectedOpen = [...world.people.values()].flatMap((p) => [...(p.request?.alerts ?? new Map()).entries()]
      .filter(([, alert]) => alert.open).map(([kind, alert]) => `${p.person.ecrou} ${kind} ${alert.level}`));
    const openDiff = difference(expectedOpen, open);
    this.record('open alerts', openDiff.missing.length + openDiff.extra.length === 0,
      `${open.length} alerts open at the end for ${expectedOpen.length} expected${sample(openDiff.missing, 'missing')}${sample(openDiff.extra, 'unexpected')}`);
  }

  private sortiesSeches(): void {
    const recorded = this.ownEvents('referral.sortie-seche.recorded.v1').map((e) => `${e.ecrou} ${e.data.reason} ${e.data.releasedOn}`);
    const expected = [...this.run.world.people.values()].filter((p) => p.sortieSeche).map((p) => `${p.person.ecrou} ${p.sortieSeche!.reason} ${p.sortieSeche!.releasedOn}`);
    const { missing, extra } = difference(expected, recorded);
    const reasons = [...countBy(expected.map((line) => line.split(' ')[1])).entries()].map(([reason, n]) => `${n} ${reason}`).join(', ');
    this.record('sorties sèches', missing.length + extra.length === 0,
      `${recorded.length} sorties sèches recorded for ${expected.length} expected (${reasons}), none for the ${[...this.run.world.people.values()].filter((p) => p.enteredOn).length} housed${sample(missing, 'missing')}${sample(extra, 'unexpected')}`);
  }

  private nothingDeadLettered(): void {
    const deadLettered = this.records.filter((r) => r.topic.endsWith('.dlq') && (r.header('dlq-consumer-group') ?? '').startsWith(`${this.runId}.`));
    // The topics also hold other tests' deliberately broken records, which this run's services rightly dead-letter.
    const dead = deadLettered.filter((r) => this.ecrouOf.has(r.key) || this.ownIds.has(r.header('ce_id') ?? ''));
    this.record('dead letters', dead.length === 0,
      `${dead.length} records about this run's people or published by it dead-lettered by this run's services`
      + ` (${deadLettered.length - dead.length} others' broken records dead-lettered too)${sample(dead.map((r) => r.header('dlq-error') ?? r.topic))}`);
  }

  /** Every event the subscription matches arrived, under one webhook-id each; none arrived that it does not match. */
  private async webhooks(subscription: Subscribed): Promise<void> {
    const matching = new Set(distinct(this.records.filter((r) => EVENT_TOPICS.includes(r.topic as (typeof EVENT_TOPICS)[number])))
      .filter((r) => wants(subscription, r, this.departement)).map((r) => r.header('ce_id')!));
    const received = () => this.receiver.at(subscription.path).map((w) => ({ eventId: JSON.parse(w.body).id as string, webhookId: String(w.headers['webhook-id']) }));
    await expectEventually(() => {
      const arrived = new Set(received().map((w) => w.eventId));
      const missing = [...matching].filter((id) => !arrived.has(id));
      if (missing.length > 0) throw new Error(`${missing.length} webhooks still missing at ${subscription.path}`);
    }, { timeoutMs: 180_000, intervalMs: 500 }).catch(() => undefined);
    const webhooks = received();
    const idsOfEvent = new Map<string, Set<string>>();
    for (const { eventId, webhookId } of webhooks) idsOfEvent.set(eventId, new Set([...(idsOfEvent.get(eventId) ?? []), webhookId]));
    const missing = [...matching].filter((id) => !idsOfEvent.has(id));
    const extra = [...idsOfEvent.keys()].filter((id) => !matching.has(id));
    const doubled = [...idsOfEvent.entries()].filter(([, ids]) => ids.size > 1).map(([id]) => id);
    const resent = webhooks.length - new Set(webhooks.map((w) => w.webhookId)).size;
    const { body } = await strictJsonClient(this.system.urls.notification)('GET', `/v1/subscriptions/${subscription.id}`, tokens.of(subscription.role, [this.departement]));
    const ok = missing.length + extra.length + doubled.length === 0 && body.status === 'active';
    this.record(`webhooks ${subscription.path}`, ok,
      `${subscription.path} (${subscription.role}, ${subscription.eventTypes.join(' ')}): ${idsOfEvent.size} events delivered for ${matching.size} matching, ${missing.length} missing, ${doubled.length} under two webhook-ids, ${extra.length} not matching, ${resent} sent again under the same webhook-id, subscription ${body.status}${sample(missing, 'missing')}`);
  }

  private async indicators(): Promise<void> {
    const world = this.run.world;
    const from = [...world.people.values()].flatMap((p) => p.windows.map((w) => w.from)).reduce((a, b) => (a < b ? a : b), this.run.scenario.firstDay);
    const to = lastDay(this.run.scenario);
    const prefecture = tokens.of('prefecture', [this.departement]);
    const figures: Array<Record<string, number | string>> = [];
    for (let start = from; start <= to; start = addDays(start, MAX_INDICATOR_DAYS)) {
      const end = addDays(start, MAX_INDICATOR_DAYS - 1) < to ? addDays(start, MAX_INDICATOR_DAYS - 1) : to;
      const { body } = await strictJsonClient(this.system.urls.notification)('GET', `/v1/indicators?departement=${this.departement}&from=${start}&to=${end}`, prefecture);
      figures.push(...body);
    }
    const mismatches: string[] = [];
    const totals = new Map<string, number>();
    for (const day of figures) {
      const expected = expectedFigures(world, day.day as string);
      for (const name of COMPARED_FIGURES) {
        if (expected[name] !== day[name]) mismatches.push(`${day.day} ${name}: ${day[name]} instead of ${expected[name]}`);
      }
      for (const name of FLOW_FIGURES) totals.set(name, (totals.get(name) ?? 0) + (day[name] as number));
    }
    const flows = [...totals.entries()].map(([name, total]) => `${total} ${name}`).join(', ');
    this.record('indicators', mismatches.length === 0 && figures.length > 0,
      `indicators of ${figures.length} days (${from} to ${to}) equal to the test's own count, flows and stocks and medians, day by day (${flows})${sample(mismatches, 'differ')}`);
  }

  private async allPages(call: JsonCall, path: string, token: string): Promise<Array<{ detentionId: string; status: string }>> {
    const items: Array<{ detentionId: string; status: string }> = [];
    for (let page = 1; ; page += 1) {
      const { body } = await call('GET', `${path}&page=${page}&pageSize=200`, token);
      items.push(...body.items);
      if (page * body.pageSize >= body.total) return items;
    }
  }
}

/** Reads topics from their beginning up to where they end now. */
async function readToTheEnd(kafka: Kafka, topics: string[]): Promise<ProbedRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, number>();
  for (const topic of topics) {
    for (const p of await admin.fetchTopicOffsets(topic)) if (Number(p.high) > Number(p.low)) ends.set(`${topic}/${p.partition}`, Number(p.high) - 1);
  }
  await admin.disconnect();
  const probe = await TopicProbe.start(kafka, topics);
  try {
    await expectEventually(() => {
      const reached = new Map<string, number>();
      for (const r of probe.records) reached.set(`${r.topic}/${r.partition}`, Math.max(reached.get(`${r.topic}/${r.partition}`) ?? -1, Number(r.offset)));
      const behind = [...ends.entries()].filter(([key, last]) => (reached.get(key) ?? -1) < last);
      if (behind.length > 0) throw new Error(`still reading ${behind.length} partitions`);
    }, { timeoutMs: 120_000, intervalMs: 250 });
    return [...probe.records];
  } finally {
    await probe.stop();
  }
}

/** What notification's subscription matches: type pattern, the subscriber's département, after its creation. */
function wants(subscription: Subscribed, record: ProbedRecord, departement: string): boolean {
  const type = record.header('ce_type') ?? '';
  const unversioned = type.replace(/\.v\d+$/, '');
  const typeMatches = subscription.eventTypes.some((p) => (p.endsWith('.*') ? type.startsWith(p.slice(0, -1)) : p === unversioned || p === type));
  if (!typeMatches) return false;
  const data = dataOf(record);
  const fields = subscription.role === 'spip' ? ['spipDepartement'] : ['siaoDepartement', 'destinationDepartement'];
  const about = fields.some((field) => data[field] === departement);
  return about && new Date(record.header('ce_time')!) >= new Date(subscription.createdAt);
}

/** The record's data; other tests' deliberately broken records (not JSON, null) have none and match nothing. */
function dataOf(record: ProbedRecord): Record<string, unknown> {
  try {
    const data = record.json<unknown>();
    return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function distinct(records: ProbedRecord[]): ProbedRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => !seen.has(r.header('ce_id')!) && seen.add(r.header('ce_id')!));
}

function parisDay(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Multiset difference both ways. */
function difference(expected: string[], actual: string[]): { missing: string[]; extra: string[] } {
  const left = countBy(actual);
  const missing: string[] = [];
  for (const value of expected) {
    const n = left.get(value) ?? 0;
    if (n > 0) left.set(value, n - 1);
    else missing.push(value);
  }
  const extra = [...left.entries()].flatMap(([value, n]) => Array<string>(n).fill(value));
  return { missing, extra };
}

function same(a: object | undefined, b: object): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sample(values: string[], label = 'e.g.'): string {
  return values.length === 0 ? '' : ` [${label} ${values.length}: ${values.slice(0, 5).join('; ')}${values.length > 5 ? '; …' : ''}]`;
}
