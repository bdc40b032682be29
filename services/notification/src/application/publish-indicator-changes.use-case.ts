import { Inject, Injectable } from '@nestjs/common';
import { indicatorsChangedV1 } from '@passerelle/contracts';
import { daysBetween } from '@passerelle/domain-kernel';
import { outboxEntry, OutboxWriter } from '@passerelle/messaging';
import { UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import {
  ChangedDay, DayFigures, INDICATOR_CHANGE_SIGNAL, INDICATOR_REPOSITORY, IndicatorChangeSignal, IndicatorRepository,
} from './ports/indicator.repository';

const BATCH = 500;
/** Changed days further apart than this are computed in separate queries rather than with every day between them. */
const MAX_GAP_DAYS = 31;

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
      const published: DayFigures[] = [];
      for (const [departement, days] of byDepartement(changed)) {
        // One query over each run of close days rather than one per day: an import touches hundreds. A day
        // centuries away (a test's story, a mistyped date) gets its own query, not every day up to it.
        for (const run of runsOf(days)) {
          const span = await this.indicators.figures(tx, departement, run[0], run[run.length - 1]);
          published.push(...span.filter((figures) => run.includes(figures.day)));
        }
      }
      await this.outbox.addMany(tx, published.map((figures) => outboxEntry(indicatorsChangedV1, figures)));
      for (const figures of published) await this.changes.signal(tx, figures);
      return changed.length;
    });
  }
}

/** Days in date order, cut where two follow each other more than MAX_GAP_DAYS apart. */
function runsOf(days: string[]): string[][] {
  const runs: string[][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && daysBetween(last[last.length - 1], day) <= MAX_GAP_DAYS) last.push(day);
    else runs.push([day]);
  }
  return runs;
}

/** The changed days of each département, in date order. */
function byDepartement(changed: ChangedDay[]): Map<string, string[]> {
  const days = new Map<string, string[]>();
  for (const { departement, day } of changed) days.set(departement, [...(days.get(departement) ?? []), day]);
  for (const list of days.values()) list.sort();
  return days;
}
