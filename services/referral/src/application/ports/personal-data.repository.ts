import { PersonalDataEraser, Transaction } from '@passerelle/service-kit';

/**
 * The personal data referral holds: the SIAO request (identity for the caseload, the file with the
 * social evaluation, the consent), its timeline, the sortie-sèche register, the tracked detention,
 * and the platform's rows about the person. A request is closed once closed or withdrawn; it closed
 * on its last timeline entry, and never before the person's release.
 */
export interface PersonalDataRepository extends PersonalDataEraser {
  /** Every row about the person, table by table. */
  rowsOf(tx: Transaction, personId: string): Promise<Record<string, unknown[]>>;
}

export const PERSONAL_DATA_REPOSITORY = Symbol('PERSONAL_DATA_REPOSITORY');
