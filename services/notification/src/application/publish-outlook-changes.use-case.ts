import { Inject, Injectable } from '@nestjs/common';
import { outlookChangedV1 } from '@passerelle/contracts';
import { outboxEntry, OutboxWriter } from '@passerelle/messaging';
import { Clock, CLOCK, parisDate, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { sameOutlook } from '../domain/outlook/release-outlook';
import { outlookFor } from './outlook-of';
import { Outlook, OUTLOOK_CHANGE_SIGNAL, OUTLOOK_REPOSITORY, OutlookChangeSignal, OutlookRepository } from './ports/outlook.repository';

/** More départements than France has: a round takes them all. */
const BATCH = 128;

/**
 * Tells the dashboards whose outlook changed: takes the départements the consumer noted, and those
 * last computed for another day (the weeks move on at the Paris day's change), computes each
 * outlook once, and publishes it on `prefecture.indicators` through the outbox, and to live
 * readers when the transaction commits, only when its weeks or figures differ from the last one.
 * A burst of events costs one computation per département per round.
 */
@Injectable()
export class PublishOutlookChanges {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(OUTLOOK_REPOSITORY) private readonly outlook: OutlookRepository,
    @Inject(OUTLOOK_CHANGE_SIGNAL) private readonly changes: OutlookChangeSignal,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
  ) {}

  /** One round; returns how many départements were computed. */
  runOnce(): Promise<number> {
    const today = parisDate(this.clock.now());
    return this.unitOfWork.run(async (tx) => {
      const changed = await this.outlook.takeChanges(tx, BATCH);
      const movedOn = await this.outlook.computedForAnotherDay(tx, today, BATCH);
      // Locked in one order by every round, so two rounds never wait on each other in a circle.
      const departements = [...new Set([...changed, ...movedOn])].sort();
      const published: Outlook[] = [];
      for (const departement of departements) {
        const last = await this.outlook.lockLastComputed(tx, departement);
        const outlook = await outlookFor(tx, this.outlook, departement, today);
        await this.outlook.saveComputed(tx, departement, today, outlook.weeks);
        if (!last || !sameOutlook(last, outlook.weeks)) published.push(outlook);
      }
      await this.outbox.addMany(tx, published.map((outlook) => outboxEntry(outlookChangedV1, outlook)));
      for (const outlook of published) await this.changes.outlookChanged(tx, outlook);
      return departements.length;
    });
  }
}
