import { Transaction } from '@passerelle/service-kit';
import { DepartementSettings } from '../../domain/departement-settings';
import { Detention } from '../../domain/detention';

/**
 * Detentions, stored in the service's schema. `insert` throws DuplicateEcrouError when the
 * establishment already holds that numéro d'écrou.
 */
export interface DetentionRepository {
  /** `nextDueOn` indexes the detention for the daily sweep. */
  insert(tx: Transaction, detention: Detention, nextDueOn: string | undefined): Promise<void>;
  /** Many new detentions in one statement (an import's batch). */
  insertMany(tx: Transaction, items: { detention: Detention; nextDueOn: string | undefined }[]): Promise<void>;
  /** Writes only what the passing of days changes (announced facts, next due day), for many detentions at once. */
  updateCalendars(tx: Transaction, items: { detention: Detention; nextDueOn: string | undefined }[]): Promise<void>;
  findById(tx: Transaction, id: string): Promise<Detention | undefined>;
  /**
   * Reads and row-locks the detention, so that changes to one person commit one after the other,
   * with its destination département's settings (the defaults when never configured) in the same
   * round trip: every change of a detention needs both.
   */
  lockWithSettings(tx: Transaction, id: string): Promise<{ detention: Detention; settings: DepartementSettings } | undefined>;
  /** `lockWithSettings` for many detentions in one statement, locked in id order; the ones not found are absent. */
  lockManyWithSettings(tx: Transaction, ids: string[]): Promise<Map<string, { detention: Detention; settings: DepartementSettings }>>;
  /** Writes what a release changes (status, date and kind, next due day), for many detentions at once. */
  updateReleases(tx: Transaction, items: { detention: Detention; nextDueOn: string | undefined }[]): Promise<void>;
  /** Writes the detention, and keeps each of its release date changes with its reason and source (who reported it). */
  update(tx: Transaction, detention: Detention, nextDueOn: string | undefined, dateChanges?: ReleaseDateChangeRecord[]): Promise<void>;
  /**
   * Locks up to `limit` incarcerated detentions due on or before `today`, skipping rows another
   * sweep holds, so that two sweeps running at once never handle the same detention.
   */
  lockDue(tx: Transaction, today: string, limit: number): Promise<Detention[]>;
  /** Reads and row-locks the detentions an import names, keyed `establishmentCode/ecrou`. */
  lockByEcrou(tx: Transaction, keys: { establishmentCode: string; ecrou: string }[]): Promise<Map<string, Detention>>;
  /** The calendar view: by expected release date, then id, one page at a time. */
  list(tx: Transaction, query: DetentionQuery): Promise<{ items: Detention[]; total: number }>;
}

export interface ReleaseDateChangeRecord {
  detentionId: string;
  previousDate: string;
  newDate: string;
  reason: string;
  source: string;
  changedAt: Date;
}

export interface DetentionQuery {
  departements: string[] | 'all';
  status?: string;
  releaseFrom?: string;
  releaseTo?: string;
  page: number;
  pageSize: number;
}

export const DETENTION_REPOSITORY = Symbol('DETENTION_REPOSITORY');

export class DuplicateEcrouError extends Error {
  constructor(
    readonly establishmentCode: string,
    readonly ecrou: string,
  ) {
    super(`numéro d'écrou ${ecrou} already exists in establishment ${establishmentCode}`);
    this.name = 'DuplicateEcrouError';
  }
}
