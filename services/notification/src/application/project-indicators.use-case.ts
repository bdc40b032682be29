import { Inject, Injectable } from '@nestjs/common';
import { ConsumedEvent, OutboxWriter } from '@passerelle/messaging';
import { indicatorsChangedV1 } from '@passerelle/contracts';
import { parisDate, Transaction } from '@passerelle/service-kit';
import { effectsOf } from '../domain/indicators/indicator-effects';
import { INDICATOR_CHANGE_SIGNAL, INDICATOR_REPOSITORY, IndicatorChangeSignal, IndicatorRepository } from './ports/indicator.repository';

/**
 * Feeds the préfecture's read model from one event, in the inbox transaction (so a redelivered
 * event counts once), then tells the dashboards the day it changed: on `prefecture.indicators`
 * through the outbox, and to live readers once the transaction commits.
 */
@Injectable()
export class ProjectIndicators {
  constructor(
    @Inject(INDICATOR_REPOSITORY) private readonly indicators: IndicatorRepository,
    @Inject(INDICATOR_CHANGE_SIGNAL) private readonly changes: IndicatorChangeSignal,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(tx: Transaction, event: ConsumedEvent<object>): Promise<void> {
    const data = event.data as Record<string, unknown>;
    // A registration carries its own instant; every other event counts when it happened.
    const at = typeof data.registeredAt === 'string' ? data.registeredAt : event.time;
    const effects = effectsOf(event.type, data, parisDate(new Date(at)));
    for (const effect of effects) await this.indicators.apply(tx, effect);
    const changedDays = new Map(effects.map((effect) => [`${effect.departement}/${effect.day}`, effect]));
    for (const { departement, day } of changedDays.values()) {
      const [figures] = await this.indicators.figures(tx, departement, day, day);
      await this.outbox.add(tx, indicatorsChangedV1, figures);
      await this.changes.signal(tx, figures);
    }
  }
}
