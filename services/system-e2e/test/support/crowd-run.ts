import { daysBetween } from '@passerelle/domain-kernel';
import { JsonCall, parisNoon, ServiceName, strictJsonClient, SystemProcesses, tokens, WebhookReceiver } from '@passerelle/system-driver';
import { CrowdPerson, CrowdScenario, registryCsv, stepDay } from './crowd-scenario';
import { ExpectedWorld } from './expected-world';
import { Quiescence } from './quiescence';

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ line: number; reason: string }>;
}

/** A webhook subscription the run made, as the checks need it. */
export interface Subscribed {
  path: string;
  id: string;
  role: 'spip' | 'siao';
  eventTypes: string[];
  createdAt: string;
}

/** Called right after each phase's work is sent, before the run waits for it: where faults go. */
export type AfterPhase = (moment: string) => Promise<void>;

const STRUCTURES = 4;
const PARALLEL_CALLS = 6;
const HOUSED_NEEDS_DAYS = 50;
const ACCEPTS_ALL = { men: true, women: true, couples: true, children: true, animals: true, reducedMobility: true };

/**
 * Plays the crowd's story on a running system through the public APIs only, as the greffe, the
 * SPIP, the SIAO and the structures would, and keeps the expected world in step with each action.
 * Between phases it lets the system settle, so "today" is the same for everyone who acts on it.
 */
export class CrowdRun {
  readonly world: ExpectedWorld;
  readonly ids = new Map<string, { detentionId: string; personId: string }>();
  readonly subscriptions: Subscribed[] = [];
  readonly imports: ImportReport[] = [];
  private readonly referralIds = new Map<string, string>();
  private readonly housingRequestIds = new Map<string, string>();
  private readonly placements = new Map<string, { placementId: string; structureId: string }>();
  private structureIds: string[] = [];
  private readonly token: { spip: string; siao: string };

  constructor(
    private readonly system: SystemProcesses,
    readonly scenario: CrowdScenario,
    private readonly receiver: WebhookReceiver,
    private readonly quiescence: Quiescence,
    private readonly afterPhase: AfterPhase = async () => undefined,
  ) {
    this.world = new ExpectedWorld(scenario.people);
    this.token = { spip: tokens.of('spip', [scenario.departement]), siao: tokens.of('siao', [scenario.departement]) };
  }

  async play(): Promise<void> {
    const started = Date.now();
    await this.prepare();
    await this.importRegistry();
    for (let step = 1; step <= this.scenario.steps; step += 1) {
      await this.step(step);
      console.log(`[run] step ${step}/${this.scenario.steps} (${stepDay(this.scenario, step)}) done at ${Math.round((Date.now() - started) / 1000)} s`);
    }
  }

  /** The person's ids, once the registry import made them. */
  idsOf(person: CrowdPerson): { detentionId: string; personId: string } {
    const ids = this.ids.get(person.ecrou);
    if (!ids) throw new Error(`${person.ecrou} was never imported`);
    return ids;
  }

  private call(name: ServiceName): JsonCall {
    return strictJsonClient(this.system.urls[name]);
  }

  private async settle(moment: string): Promise<void> {
    await this.afterPhase(moment);
    await this.quiescence.settle();
  }

  /** Day one: the clocks, two webhook subscribers (a SPIP and its SIAO), the département's structures. */
  private async prepare(): Promise<void> {
    const { departement, firstDay } = this.scenario;
    await this.system.letTimePassTo(parisNoon(firstDay));
    const wanted: Array<Omit<Subscribed, 'id' | 'createdAt'>> = [
      { path: '/spip', role: 'spip', eventTypes: ['referral.request.opened', 'referral.alert.raised', 'referral.sortie-seche.recorded'] },
      { path: '/siao', role: 'siao', eventTypes: ['housing-placement.*', 'referral.request.submitted'] },
    ];
    for (const subscription of wanted) {
      const token = subscription.role === 'spip' ? this.token.spip : this.token.siao;
      const created = await this.call('notification')('POST', '/v1/subscriptions', token, {
        url: this.receiver.url(subscription.path), eventTypes: subscription.eventTypes, departements: [departement], role: subscription.role,
      });
      this.subscriptions.push({ ...subscription, id: created.body.id, createdAt: created.body.createdAt });
    }
    for (let i = 1; i <= STRUCTURES; i += 1) {
      const created = await this.call('housing-placement')('POST', '/v1/structures', this.token.siao, {
        name: `CHRS ${departement}-${i}`, type: 'chrs', departement, area: `Commune ${i}`, capacity: 60, reservedJusticePlaces: 20, volantePlaces: 0, accepts: ACCEPTS_ALL,
      });
      this.structureIds.push(created.body.id);
    }
  }

  /** The greffe's export, then the same file again (nothing may change), then a corrected one. */
  private async importRegistry(): Promise<void> {
    const today = this.scenario.firstDay;
    this.imports.push(await this.postRegistry(registryCsv(this.scenario)));
    for (const person of this.scenario.people) this.world.register(person.ecrou, today);
    await this.settle('imported');
    this.imports.push(await this.postRegistry(registryCsv(this.scenario)));
    await this.settle('imported-again');
    this.imports.push(await this.postRegistry(registryCsv(this.scenario, true)));
    for (const person of this.scenario.people) {
      if (person.correctedReleaseDate) this.world.changeReleaseDate(person.ecrou, person.correctedReleaseDate, today);
    }
    await this.settle('corrected');
    await this.learnIds();
  }

  private async postRegistry(csv: string): Promise<ImportReport> {
    const response = await fetch(`${this.system.urls['release-calendar']}/v1/imports`, {
      method: 'POST', headers: { authorization: `Bearer ${this.token.spip}`, 'content-type': 'text/csv' }, body: csv,
    });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`the registry import answered ${response.status}: ${JSON.stringify(body)}`);
    return body as ImportReport;
  }

  private async learnIds(): Promise<void> {
    for (let page = 1; ; page += 1) {
      const { body } = await this.call('release-calendar')('GET', `/v1/detentions?departement=${this.scenario.departement}&page=${page}&pageSize=200`, this.token.spip);
      for (const detention of body.items) this.ids.set(detention.ecrou, { detentionId: detention.id, personId: detention.personId });
      if (page * body.pageSize >= body.total) return;
    }
  }

  private async step(step: number): Promise<void> {
    const today = stepDay(this.scenario, step);
    await this.system.letTimePassTo(parisNoon(today));
    this.world.sweep(today);
    await this.settle(`step-${step}:time-passed`);
    // The stall sweep ran with the clocks, maybe before the day's calendar events: once more after them.
    await this.call('referral')('POST', '/v1/admin/stall-sweep', tokens.admin());
    this.world.stallSweep(today);
    await this.quiescence.settle();
    if (step === 1) await this.moveReleaseDates(today);
    await this.release(step, today);
    await this.recordEntries(step, today);
    await this.submit(step, today);
    await this.decide(step, today);
    await this.place(step, today);
  }

  /** The SPIP moves some dates: later, out of the window (the request waits), or nearer, into it. */
  private async moveReleaseDates(today: string): Promise<void> {
    const moved = this.scenario.people.filter((person) => person.movedReleaseDate);
    await inParallel(moved, async (person) => {
      const later = person.movedReleaseDate! > person.releaseDate;
      await this.call('release-calendar')('PUT', `/v1/detentions/${this.idsOf(person).detentionId}/release-date`, this.token.spip, {
        expectedReleaseDate: person.movedReleaseDate, reason: later ? 'new_conviction' : 'reduction_de_peine',
      });
      this.world.changeReleaseDate(person.ecrou, person.movedReleaseDate!, today);
    });
    await this.settle('dates-moved');
  }

  /** Everyone whose day has come leaves, and those granted an aménagement leave early. */
  private async release(step: number, today: string): Promise<void> {
    const leaving = [...this.world.people.values()].filter(({ calendar, person }) =>
      !calendar.released && (calendar.releaseDate <= today || person.earlyReleaseAtStep === step));
    await inParallel(leaving, async ({ person, calendar }) => {
      const early = person.earlyReleaseAtStep === step && calendar.releaseDate > today;
      const releasedOn = early ? today : calendar.releaseDate;
      await this.call('release-calendar')('POST', `/v1/detentions/${this.idsOf(person).detentionId}/release`, this.token.spip, {
        releasedOn, releaseKind: early ? (person.cohort === 'earlyRelease' ? 'ddse' : 'semi_liberte') : 'end_of_sentence',
      });
      this.world.release(person.ecrou, releasedOn, today);
    });
    await this.settle(`step-${step}:released`);
  }

  /** The structures record the arrival of the people they took in, on their release day. */
  private async recordEntries(step: number, today: string): Promise<void> {
    const arriving = [...this.world.people.values()].filter((expected) =>
      expected.request?.placementConfirmed && expected.calendar.released && !expected.enteredOn);
    await inParallel(arriving, async ({ person, calendar }) => {
      const { placementId, structureId } = this.placements.get(person.ecrou)!;
      await this.call('housing-placement')('POST', `/v1/placements/${placementId}/entry`, this.structureToken(structureId), { enteredOn: calendar.releaseDate });
      this.world.entered(person.ecrou, calendar.releaseDate, today);
    });
    await this.settle(`step-${step}:entered`);
  }

  /** The SPIP completes and sends the requests of those who agreed, while there is time to find a place. */
  private async submit(step: number, today: string): Promise<void> {
    const ready = [...this.world.people.values()].filter(({ person, request, calendar }) =>
      person.fate !== 'incomplete' && request?.status === 'to_complete' && !calendar.released
      && daysBetween(today, calendar.releaseDate) >= (person.fate === 'noDecision' ? 10 : HOUSED_NEEDS_DAYS));
    if (ready.length > 0) await this.learnReferralIds();
    await inParallel(ready, async ({ person }) => {
      const referral = `/v1/referrals/${this.referralIds.get(this.idsOf(person).detentionId)}`;
      const spip = this.call('referral');
      await spip('PATCH', referral, this.token.spip, this.completeFile());
      await spip('PUT', `${referral}/consent`, this.token.spip, {
        decision: 'given', decidedOn: today, scope: 'Orientation vers un hébergement à la sortie', recipients: ['siao', 'host_structures'],
      });
      await spip('POST', `${referral}/submission`, this.token.spip);
      this.world.submit(person.ecrou, today);
    });
    await this.settle(`step-${step}:submitted`);
  }

  /** The commission meets: requests submitted at an earlier step are put on the agenda and decided. */
  private async decide(step: number, today: string): Promise<void> {
    const due = [...this.world.people.values()].filter(({ person, request, submittedOn }) =>
      ['housed', 'noPlace', 'refused'].includes(person.fate) && request?.status === 'submitted' && submittedOn! < today);
    if (due.length > 0) await this.commission(due.map(({ person }) => person), today);
    await this.settle(`step-${step}:decided`);
  }

  private async commission(due: CrowdPerson[], today: string): Promise<void> {
    await this.learnHousingRequestIds();
    const siao = this.call('housing-placement');
    const session = await siao('POST', '/v1/sessions', this.token.siao, { departement: this.scenario.departement, sessionDate: today, members: ['SIAO', 'DDETS', 'SPIP'] });
    const requestIds = due.map((person) => this.housingRequestIdOf(person));
    for (let start = 0; start < requestIds.length; start += 200) {
      await siao('POST', `/v1/sessions/${session.body.id}/agenda`, this.token.siao, { requestIds: requestIds.slice(start, start + 200) });
    }
    for (const person of due) this.world.scheduled(person.ecrou, today);
    await inParallel(due, async (person) => {
      const requestId = this.housingRequestIdOf(person);
      const decision = person.fate === 'refused'
        ? { requestId, decision: 'refusal', reason: 'needs_not_met' }
        : { requestId, decision: 'orientation', structureType: 'chrs', preconisation: 'Accompagnement vers le logement' };
      await siao('POST', `/v1/sessions/${session.body.id}/decisions`, this.token.siao, decision);
      if (person.fate === 'refused') this.world.refused(person.ecrou, today);
      else this.world.oriented(person.ecrou, today);
    });
  }

  /** A structure pre-admits each person to be housed, for their release day, and the SIAO confirms. */
  private async place(step: number, today: string): Promise<void> {
    const due = [...this.world.people.values()].filter(({ person, request, orientedOn, calendar }) =>
      person.fate === 'housed' && request?.status === 'oriented' && orientedOn! < today && calendar.releaseDate > today);
    await inParallel(due, async ({ person, calendar }, index) => {
      const structureId = this.structureIds[index % this.structureIds.length];
      const placement = await this.call('housing-placement')('POST', `/v1/requests/${this.housingRequestIdOf(person)}/pre-admissions`, this.structureToken(structureId), {
        structureId, entryDate: calendar.releaseDate,
      });
      this.world.proposed(person.ecrou, today);
      await this.call('housing-placement')('POST', `/v1/placements/${placement.body.id}/confirmation`, this.token.siao);
      this.world.confirmed(person.ecrou, today);
      this.placements.set(person.ecrou, { placementId: placement.body.id, structureId });
    });
    await this.settle(`step-${step}:placed`);
  }

  private completeFile() {
    return {
      household: { composition: 'alone', applicantGender: 'man', childrenAges: [] },
      needs: { reducedMobility: false, animals: false },
      resources: ['rsa'],
      rights: { identity_papers: 'open', health_insurance: 'to_reopen', bank_account: 'open', france_travail: 'to_reopen', rsa_or_aah: 'not_applicable' },
      preferredTerritories: [this.scenario.departement],
      careContinuity: false,
      socialEvaluation: 'Souhaite un hébergement près de sa famille; a travaillé dans le bâtiment.',
    };
  }

  private structureToken(structureId: string): string {
    return tokens.of('structure', [this.scenario.departement], structureId);
  }

  private async learnReferralIds(): Promise<void> {
    for (let page = 1; ; page += 1) {
      const { body } = await this.call('referral')('GET', `/v1/referrals?spip=${this.scenario.departement}&page=${page}&pageSize=200`, this.token.spip);
      for (const referral of body.items) this.referralIds.set(referral.detentionId, referral.id);
      if (page * body.pageSize >= body.total) return;
    }
  }

  private async learnHousingRequestIds(): Promise<void> {
    for (let page = 1; ; page += 1) {
      const { body } = await this.call('housing-placement')('GET', `/v1/queue?departement=${this.scenario.departement}&page=${page}&pageSize=500`, this.token.siao);
      for (const entry of body.items) this.housingRequestIds.set(entry.request.referralId, entry.request.id);
      if (page * body.pageSize >= body.total) return;
    }
  }

  private housingRequestIdOf(person: CrowdPerson): string {
    const referralId = this.referralIds.get(this.idsOf(person).detentionId);
    const requestId = referralId && this.housingRequestIds.get(referralId);
    if (!requestId) throw new Error(`the SIAO's queue has no request for ${person.ecrou} (referral ${referralId})`);
    return requestId;
  }
}

/** Runs one call per item, a few at a time, as a team of officers would; the first failure stops the run. */
async function inParallel<T>(items: T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CALLS, items.length) }, worker));
}

