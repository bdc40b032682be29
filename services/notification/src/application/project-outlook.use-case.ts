import { Inject, Injectable } from '@nestjs/common';
import { ConsumedEvent } from '@passerelle/messaging';
import { Transaction } from '@passerelle/service-kit';
import { outlookEffectsOf } from '../domain/outlook/outlook-effects';
import { OUTLOOK_REPOSITORY, OutlookRepository } from './ports/outlook.repository';

/**
 * Feeds the 12-week outlook's facts from one event, in the inbox transaction (so a redelivered
 * event counts once), and notes the départements whose outlook it may change for
 * PublishOutlookChanges. Facts are kept per detention and per placement, and joined only when an
 * outlook is computed, so events of different topics may arrive in any order.
 */
@Injectable()
export class ProjectOutlook {
  constructor(@Inject(OUTLOOK_REPOSITORY) private readonly outlook: OutlookRepository) {}

  async execute(tx: Transaction, event: ConsumedEvent<object>): Promise<void> {
    for (const effect of outlookEffectsOf(event.type, event.data as Record<string, unknown>)) await this.outlook.apply(tx, effect);
  }
}
