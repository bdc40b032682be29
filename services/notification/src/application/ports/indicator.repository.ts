import { IndicatorsChangedV1 } from '@passerelle/contracts';
import { Transaction } from '@passerelle/service-kit';
import { IndicatorEffect } from '../../domain/indicators/indicator-effects';

/** One département's figures for one day: the payload the dashboards read, by API, SSE or Kafka. */
export type DayFigures = IndicatorsChangedV1;

export interface ChangedDay {
  departement: string;
  day: string;
}

export interface IndicatorRepository {
  /** The effects of a batch of events, in their order, as if applied one by one. */
  applyAll(tx: Transaction, effects: IndicatorEffect[]): Promise<void>;
  /** Notes days whose figures changed: appended, so concurrent consumers never wait on each other. */
  noteChanges(tx: Transaction, days: ChangedDay[]): Promise<void>;
  /** Takes up to `limit` changed départements and days, each once, and forgets every change noted for them. */
  takeChanges(tx: Transaction, limit: number): Promise<ChangedDay[]>;
  /** Every day from `from` to `to`, stocks computed from their dated intervals. */
  figures(tx: Transaction, departement: string, from: string, to: string): Promise<DayFigures[]>;
}

/** Tells live readers (SSE) that a day's figures changed, once the transaction commits. */
export interface IndicatorChangeSignal {
  signal(tx: Transaction, figures: DayFigures): Promise<void>;
}

export const INDICATOR_REPOSITORY = Symbol('INDICATOR_REPOSITORY');
export const INDICATOR_CHANGE_SIGNAL = Symbol('INDICATOR_CHANGE_SIGNAL');
