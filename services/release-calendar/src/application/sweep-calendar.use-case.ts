import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { cachedSettings } from './cached-settings';
import { DetentionStore, StoreItem } from './detention-store';
import { DEPARTEMENT_SETTINGS_REPOSITORY, DepartementSettingsRepository } from './ports/departement-settings.repository';
import { DETENTION_REPOSITORY, DetentionRepository } from './ports/detention.repository';
import { todayFrom } from './today';

const BATCH = 500;

export interface SweepReport {
  today: string;
  detentions: number;
  events: number;
}

/**
 * Turns the passing of days into events: every detention due today or earlier (the service
 * may have been down) announces what it missed, once, in date order. Batches of locked rows
 * commit one by one; a second sweep running at once skips the rows the first one holds.
 */
@Injectable()
export class SweepCalendar {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DETENTION_REPOSITORY) private readonly detentions: DetentionRepository,
    @Inject(DEPARTEMENT_SETTINGS_REPOSITORY) private readonly settings: DepartementSettingsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: DetentionStore,
  ) {}

  async execute(): Promise<SweepReport> {
    const today = todayFrom(this.clock).date;
    const report: SweepReport = { today, detentions: 0, events: 0 };
    const settingsOf = cachedSettings(this.settings);
    for (;;) {
      const handled = await this.unitOfWork.run(async (tx) => {
        const due = await this.detentions.lockDue(tx, today, BATCH);
        const items: StoreItem[] = [];
        for (const detention of due) {
          const settings = await settingsOf(tx, detention.snapshot().destinationDepartement);
          items.push({ detention, settings, events: detention.advanceCalendar(today, settings) });
        }
        await this.store.advanceMany(tx, items);
        report.events += items.reduce((sum, item) => sum + item.events.length, 0);
        return due.length;
      });
      report.detentions += handled;
      if (handled < BATCH) return report;
    }
  }
}
