import { PersonalDataEraser, Transaction } from '@passerelle/service-kit';

/**
 * The personal data release-calendar holds: a detention (identity, écrou, establishment, dates),
 * its release-date history, and the platform's rows about the person. A case is closed when the
 * person left prison: its release day is the day it closed.
 */
export interface PersonalDataRepository extends PersonalDataEraser {
  /** Every row about the person, table by table. */
  rowsOf(tx: Transaction, personId: string): Promise<Record<string, unknown[]>>;
}

export const PERSONAL_DATA_REPOSITORY = Symbol('PERSONAL_DATA_REPOSITORY');
