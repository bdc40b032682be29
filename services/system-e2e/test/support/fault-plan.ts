import { ServiceName, strictJsonClient, tokens } from '@passerelle/system-driver';
import { localInfra, localInfraIsOurs } from '@passerelle/testing';
import { CrowdSystem } from './crowd-system';

interface Fault {
  /** The phase of the crowd's run right after which the fault is injected (see CrowdRun). */
  at: string;
  what: string;
  inject: () => Promise<void>;
}

const BROKER_DOWN_MS = 5_000;

/**
 * Faults injected one after another into the crowd's run, each right after a phase sent its work
 * (events being relayed, consumed, fanned out): every service SIGKILLed and restarted in turn, two
 * instances of a service at once, the broker SIGKILLed and restarted, PostgreSQL restarted, the
 * webhook receiver down for a while. The broker and the database are touched only when this run
 * owns them (PASSERELLE_LOCAL_INFRA=1, as `npm test` sets it).
 */
export class FaultPlan {
  readonly injected: string[] = [];
  readonly skipped: string[] = [];
  private brokerDown = false;
  private receiverIsDown = false;
  private readonly faults: Fault[];

  constructor(private readonly crowd: CrowdSystem) {
    this.faults = [
      { at: 'imported', what: 'referral SIGKILL while it opens the requests of the import', inject: () => this.restart('referral') },
      { at: 'corrected', what: 'notification SIGKILL while it counts and fans out the import', inject: () => this.restart('notification') },
      { at: 'step-1:time-passed', what: 'a second referral and a second notification join their consumer groups', inject: () => this.double('referral', 'notification') },
      { at: 'step-1:submitted', what: 'housing-placement SIGKILL while it takes the submissions', inject: () => this.restart('housing-placement') },
      { at: 'step-2:released', what: 'the second referral SIGKILLed while both handle the releases', inject: () => this.killSecond('referral') },
      { at: 'step-2:released', what: 'the second notification SIGKILLed while both count and fan out', inject: () => this.killSecond('notification') },
      { at: 'step-2:placed', what: 'a second release-calendar on the same schema (two outbox relays)', inject: () => this.double('release-calendar') },
      { at: 'step-3:time-passed', what: 'both release-calendar instances sweep the day again, at once', inject: () => this.sweepBoth() },
      { at: 'step-3:released', what: `broker SIGKILL, restarted after ${BROKER_DOWN_MS / 1000} s`, inject: () => this.killBroker() },
      { at: 'step-4:time-passed', what: 'release-calendar SIGKILL (both instances) while relaying the sweep', inject: () => this.restart('release-calendar') },
      { at: 'step-6:time-passed', what: 'PostgreSQL restarted', inject: () => this.restartPostgres() },
      { at: 'step-7:time-passed', what: 'webhook receiver down', inject: () => this.receiverDown() },
      { at: 'step-7:placed', what: 'webhook receiver back once retries were refused too', inject: () => this.receiverBack() },
      { at: 'step-8:released', what: 'notification SIGKILL while delivering webhooks', inject: () => this.restart('notification') },
    ];
  }

  get planned(): number {
    return this.faults.length;
  }

  /** The CrowdRun's hook: injects the faults planned right after this phase. */
  readonly at = async (moment: string): Promise<void> => {
    for (const fault of this.faults.filter((f) => f.at === moment)) {
      // What the phase just sent and the system is still relaying and consuming when the fault strikes.
      const inFlight = await this.crowd.quiescence.inFlight();
      const started = new Date();
      await fault.inject();
      console.log(`[fault] ${fault.what}, after "${moment}" at ${started.toISOString()} (in flight: ${inFlight}): back in ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s`);
      this.injected.push(fault.what);
    }
  };

  /** Leaves the broker running whatever happened, for the next tests. */
  async cleanUp(): Promise<void> {
    if (this.brokerDown) localInfra.startKafka();
    if (this.receiverIsDown) await this.crowd.receiver.up();
  }

  private async restart(name: ServiceName): Promise<void> {
    await this.crowd.system.restart(name, 'SIGKILL');
  }

  private async double(...names: ServiceName[]): Promise<void> {
    await Promise.all(names.map((name) => this.crowd.system.startInstance(name)));
  }

  private async killSecond(name: ServiceName): Promise<void> {
    const second = this.crowd.system.instancesOf(name)[1];
    if (!second) throw new Error(`no second ${name} to kill`);
    await this.crowd.system.killInstance(second, 'SIGKILL');
  }

  private async sweepBoth(): Promise<void> {
    const reports = await Promise.all(this.crowd.system.instancesOf('release-calendar')
      .map((instance) => strictJsonClient(instance.url)('POST', '/v1/admin/sweep', tokens.admin())));
    console.log(`[fault] the two sweeps: ${reports.map((r) => JSON.stringify(r.body)).join(' and ')}`);
  }

  private async receiverDown(): Promise<void> {
    this.receiverIsDown = true;
    await this.crowd.receiver.down();
  }

  /** Back once some webhooks were refused twice (a retry failed too), so the retries are what deliver them. */
  private async receiverBack(): Promise<void> {
    const deadline = Date.now() + 30_000;
    let waiting = await this.waitingWebhooks();
    while (waiting.retried === 0 && Date.now() < deadline) {
      await delay(500);
      waiting = await this.waitingWebhooks();
    }
    await this.crowd.receiver.up();
    this.receiverIsDown = false;
    console.log(`[fault] while the receiver was down: ${waiting.deliveries} webhooks waiting, ${waiting.refused} attempts refused, ${waiting.retried} webhooks refused more than once`);
  }

  private async waitingWebhooks(): Promise<{ deliveries: number; refused: number; retried: number }> {
    const notification = strictJsonClient(this.crowd.system.urls.notification);
    const { body: subscriptions } = await notification('GET', '/v1/subscriptions', tokens.admin());
    const waiting = { deliveries: 0, refused: 0, retried: 0 };
    for (const { id } of subscriptions as Array<{ id: string }>) {
      const { body } = await notification('GET', `/v1/subscriptions/${id}/deliveries?status=pending&limit=500`, tokens.admin());
      for (const delivery of body as Array<{ attemptsLog: unknown[] }>) {
        waiting.deliveries += 1;
        waiting.refused += delivery.attemptsLog.length;
        if (delivery.attemptsLog.length > 1) waiting.retried += 1;
      }
    }
    return waiting;
  }

  private async killBroker(): Promise<void> {
    if (!this.mayTouchInfrastructure('broker SIGKILL')) return;
    this.brokerDown = true;
    localInfra.killKafka();
    await delay(BROKER_DOWN_MS);
    localInfra.startKafka();
    this.brokerDown = false;
  }

  private async restartPostgres(): Promise<void> {
    if (!this.mayTouchInfrastructure('PostgreSQL restart')) return;
    localInfra.restartPostgres();
  }

  private mayTouchInfrastructure(what: string): boolean {
    if (localInfraIsOurs()) return true;
    console.log(`[fault] ${what} skipped: the broker and database are not this run's (PASSERELLE_LOCAL_INFRA=1 lets it)`);
    this.skipped.push(what);
    return false;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
