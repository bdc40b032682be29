import { OutlookChangedV1 } from '@passerelle/contracts';
import { Transaction } from '@passerelle/service-kit';
import { OutlookEffect } from '../../domain/outlook/outlook-effects';
import { ExpectedRelease, OutlookWeekFigures, ReservedPlaces } from '../../domain/outlook/release-outlook';

/** A département's 12-week outlook: the payload the dashboards read, by API, SSE or Kafka. Figures only. */
export type Outlook = OutlookChangedV1;

/** The day an outlook is computed for, and the first and last days of its weeks. */
export interface OutlookSpan {
  today: string;
  from: string;
  to: string;
}

/** What a département's outlook is computed from, with no one's identity in it. */
export interface OutlookFacts {
  /** The releases still expected from `from` to `to`. */
  releases: ExpectedRelease[];
  /** Every structure of the département with figures dated `today` or before (the latest), and its places booked up to `to`. */
  structures: ReservedPlaces[];
}

export interface OutlookRepository {
  /**
   * Records one effect and notes the départements whose outlook it may change (a moved destination
   * changes two): appended, so concurrent consumers never wait on each other.
   */
  apply(tx: Transaction, effect: OutlookEffect): Promise<void>;
  /** Takes up to `limit` noted départements, each once, and forgets every change noted for them; rows another round holds are skipped. */
  takeChanges(tx: Transaction, limit: number): Promise<string[]>;
  /** Départements whose last outlook was computed for another day than `today`: their weeks may have moved. */
  computedForAnotherDay(tx: Transaction, today: string, limit: number): Promise<string[]>;
  facts(tx: Transaction, departement: string, span: OutlookSpan): Promise<OutlookFacts>;
  /**
   * The weeks of the département's last computed outlook, its row locked until the transaction
   * ends: two rounds never publish one département at once, nor an older outlook after a newer one.
   */
  lockLastComputed(tx: Transaction, departement: string): Promise<OutlookWeekFigures[] | undefined>;
  saveComputed(tx: Transaction, departement: string, asOf: string, weeks: OutlookWeekFigures[]): Promise<void>;
}

/** Tells live readers (SSE) that a département's outlook changed, once the transaction commits. */
export interface OutlookChangeSignal {
  outlookChanged(tx: Transaction, outlook: Outlook): Promise<void>;
}

export const OUTLOOK_REPOSITORY = Symbol('OUTLOOK_REPOSITORY');
export const OUTLOOK_CHANGE_SIGNAL = Symbol('OUTLOOK_CHANGE_SIGNAL');
