import { Transaction } from '@passerelle/service-kit';
import { AlertKind, AlertState } from '../../domain/referral-alerts';
import { Referral, ReferralStatus } from '../../domain/referral';
import { AlertLevel } from '../../domain/sortie-seche-alert';

/** Whose files a query may see: a SPIP its own cases, a SIAO the requests consented and sent to it. */
export interface ReferralScope {
  view: 'spip' | 'siao';
  departements: string[] | 'all';
}

export interface ReferralQuery extends ReferralScope {
  status?: ReferralStatus;
  alertLevel?: AlertLevel;
  dueBefore?: string;
  spipDepartement?: string;
  establishmentCode?: string;
  page: number;
  pageSize: number;
}

export interface WaitingQuery {
  statuses: ReferralStatus[];
  before: string;
  alert: AlertKind;
  afterId: string;
  limit: number;
}

export interface OpenAlert extends AlertState {
  kind: AlertKind;
  referralId: string;
  personId: string;
  spipDepartement: string;
  siaoDepartement: string;
  expectedReleaseDate: string;
  status: ReferralStatus;
}

/**
 * Referrals, one per detention (a unique key enforces "never two"). The `lock…` reads hold the
 * row until commit, so one person's events and the officer's steps change it one after the other.
 */
export interface ReferralRepository {
  lockByDetention(tx: Transaction, detentionId: string): Promise<Referral | undefined>;
  /** Locks the referrals of these detentions in one read, in detention order; `lockByDetention` then finds them without a read of its own. */
  lockByDetentions(tx: Transaction, detentionIds: string[]): Promise<void>;
  lockById(tx: Transaction, id: string): Promise<Referral | undefined>;
  /** Those of `ids` that exist and no other transaction holds, locked in id order without waiting. */
  lockFreeByIds(tx: Transaction, ids: string[]): Promise<Referral[]>;
  findById(tx: Transaction, id: string): Promise<Referral | undefined>;
  insert(tx: Transaction, referral: Referral): Promise<void>;
  update(tx: Transaction, referral: Referral): Promise<void>;
  list(tx: Transaction, query: ReferralQuery): Promise<{ items: Referral[]; total: number }>;
  openAlerts(tx: Transaction, scope: ReferralScope, kind?: AlertKind): Promise<OpenAlert[]>;
  /**
   * Requests in one of `statuses` since before `before`, without `alert` open, after `afterId`
   * in id order: a superset of those that waited too long, the domain decides.
   */
  idsWaitingSince(tx: Transaction, query: WaitingQuery): Promise<string[]>;
}

export const REFERRAL_REPOSITORY = Symbol('REFERRAL_REPOSITORY');
