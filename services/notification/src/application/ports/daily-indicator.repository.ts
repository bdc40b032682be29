import { Transaction } from '@passerelle/service-kit';
import { DailyIndicator, IndicatorCell, IndicatorPeriod } from '../../domain/daily-indicator';

/** The prefecture's daily figures per département, in the service's schema. */
export interface DailyIndicatorRepository {
  /** Adds one registration to the cell, creating it at 1. Not idempotent: the inbox dedupes events. */
  incrementDetentionsRegistered(tx: Transaction, cell: IndicatorCell): Promise<void>;
  /** Days of the period that have figures, in day order. */
  findForPeriod(tx: Transaction, departement: string, period: IndicatorPeriod): Promise<DailyIndicator[]>;
}

export const DAILY_INDICATOR_REPOSITORY = Symbol('DAILY_INDICATOR_REPOSITORY');
