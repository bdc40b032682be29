import { Inject, Injectable } from '@nestjs/common';
import { indicatorsChangedV1 } from '@passerelle/contracts';
import { OutboxWriter } from '@passerelle/messaging';
import { UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { INDICATOR_CHANGE_SIGNAL, INDICATOR_REPOSITORY, IndicatorChangeSignal, IndicatorRepository } from './ports/indicator.repository';

const BATCH = 500;

/**
 * Tells the dashboards which days changed: takes a batch of the changes the consumer noted, and for
 * each département and day among them publishes its figures once, on `prefecture.indicators`
 * through the outbox and to live readers when the transaction commits. Figures are computed here,
 * not per event, so a burst of events costs one computation per day it touched.
 */
@Injectable()
export class PublishIndicatorChanges {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(INDICATOR_REPOSITORY) private readonly indicators: IndicatorRepository,
    @Inject(INDICATOR_CHANGE_SIGNAL) private readonly changes: IndicatorChangeSignal,
    private readonly outbox: OutboxWriter,
  ) {}

  /** One batch; returns how many days were published. */
  runOnce(): Promise<number> {
    return this.unitOfWork.run(async (tx) => {
      const changed = await this.indicators.takeChanges(tx, BATCH);
      for (const { departement, day } of changed) {
        const [figures] = await this.indicators.figures(tx, departement, day, day);
        await this.outbox.add(tx, indicatorsChangedV1, figures);
        await this.changes.signal(tx, figures);
      }
      return changed.length;
    });
  }
}
