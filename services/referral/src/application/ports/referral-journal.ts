import { Transaction } from '@passerelle/service-kit';

/** One line of a referral's timeline: what happened, when, and who or which service did it. */
export interface TimelineEntry {
  at: Date;
  entry: string;
  detail: Record<string, unknown>;
  actor: string;
}

/** A recorded sortie sèche: once per detention, whether a request was opened or not. */
export interface SortieSecheRecord {
  detentionId: string;
  referralId?: string;
  personId: string;
  spipDepartement: string;
  siaoDepartement: string;
  expectedReleaseDate: string;
  reason: string;
  releasedOn: string;
}

export interface ReferralJournal {
  append(tx: Transaction, referralId: string, entries: TimelineEntry[]): Promise<void>;
  timelineOf(tx: Transaction, referralId: string): Promise<TimelineEntry[]>;
  /** False when this detention's sortie sèche was already recorded. */
  recordSortieSeche(tx: Transaction, record: SortieSecheRecord, at: Date): Promise<boolean>;
}

export const REFERRAL_JOURNAL = Symbol('REFERRAL_JOURNAL');
