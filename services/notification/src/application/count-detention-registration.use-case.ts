import { Inject, Injectable } from '@nestjs/common';
import { DetentionRegisteredV1 } from '@passerelle/contracts';
import { parisDate, Transaction } from '@passerelle/service-kit';
import { cellOfRegistration } from '../domain/daily-indicator';
import { DAILY_INDICATOR_REPOSITORY, DailyIndicatorRepository } from './ports/daily-indicator.repository';

/**
 * Counts a registered detention in the préfecture's daily figures.
 *
 * Transaction boundary: the caller's (the consumer's inbox transaction), which is what makes
 * the increment happen once per event even when Kafka delivers it twice.
 */
@Injectable()
export class CountDetentionRegistration {
  constructor(@Inject(DAILY_INDICATOR_REPOSITORY) private readonly indicators: DailyIndicatorRepository) {}

  async execute(tx: Transaction, event: DetentionRegisteredV1): Promise<void> {
    const cell = cellOfRegistration({ destinationDepartement: event.destinationDepartement, registeredAt: new Date(event.registeredAt) }, parisDate);
    await this.indicators.incrementDetentionsRegistered(tx, cell);
  }
}
