import { Inject, Injectable } from '@nestjs/common';
import { Between, EntityManager } from 'typeorm';
import { schemaIdentifier } from '@passerelle/messaging';
import { SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { DailyIndicator, IndicatorCell, IndicatorPeriod } from '../../domain/daily-indicator';
import { DailyIndicatorRepository } from '../../application/ports/daily-indicator.repository';
import { DailyIndicatorEntity } from './daily-indicator.entity';

@Injectable()
export class DailyIndicatorTypeormRepository implements DailyIndicatorRepository {
  private readonly table: string;

  constructor(@Inject(SERVICE_SCHEMA) schema: string) {
    this.table = `${schemaIdentifier(schema)}.daily_indicators`;
  }

  async incrementDetentionsRegistered(tx: Transaction, cell: IndicatorCell): Promise<void> {
    // One statement, so concurrent consumers of different partitions never lose an increment.
    await tx.query(
      `INSERT INTO ${this.table} (departement, day, detentions_registered) VALUES ($1, $2, 1)
       ON CONFLICT (departement, day) DO UPDATE SET detentions_registered = ${this.table}.detentions_registered + 1`,
      [cell.departement, cell.day],
    );
  }

  async findForPeriod(tx: Transaction, departement: string, period: IndicatorPeriod): Promise<DailyIndicator[]> {
    const rows = await (tx as EntityManager).find(DailyIndicatorEntity, {
      where: { departement, day: Between(period.from, period.to) },
      order: { day: 'ASC' },
    });
    return rows.map(({ day, detentionsRegistered }) => ({ departement, day, detentionsRegistered }));
  }
}
