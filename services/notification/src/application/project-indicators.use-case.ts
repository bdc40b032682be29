import { Inject, Injectable } from '@nestjs/common';
import { ConsumedEvent } from '@passerelle/messaging';
import { Clock, CLOCK, parisDate, Transaction } from '@passerelle/service-kit';
import { effectsOf } from '../domain/indicators/indicator-effects';
import { INDICATOR_REPOSITORY, IndicatorRepository } from './ports/indicator.repository';

/**
 * Feeds the préfecture's read model from a transaction's events, in the inbox transaction (so a
 * redelivered event counts once), and notes the days they changed for PublishIndicatorChanges.
 */
@Injectable()
export class ProjectIndicators {
  constructor(
    @Inject(INDICATOR_REPOSITORY) private readonly indicators: IndicatorRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(tx: Transaction, events: ConsumedEvent<object>[]): Promise<void> {
    const effects = events.flatMap((event) => {
      const data = event.data as Record<string, unknown>;
      // A registration carries its own instant; every other event counts when it happened.
      const at = typeof data.registeredAt === 'string' ? data.registeredAt : event.time;
      return effectsOf(event.type, data, parisDate(new Date(at)));
    });
    await this.indicators.applyAll(tx, effects);
    // A stock changed on a past day changes every day since, today's figures included.
    const today = parisDate(this.clock.now());
    const touched = effects.flatMap(({ kind, departement, day }) => (kind === 'flow' || kind === 'milestone' ? [{ departement, day }] : [{ departement, day }, { departement, day: today }]));
    const days = new Map(touched.map(({ departement, day }) => [`${departement}/${day}`, { departement, day }]));
    if (days.size > 0) await this.indicators.noteChanges(tx, [...days.values()]);
  }
}
