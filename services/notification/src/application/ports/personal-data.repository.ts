import { PersonalDataEraser, Transaction } from '@passerelle/service-kit';

/**
 * The personal data notification holds: the webhook deliveries about a person (the body, with a
 * name for the SPIP and the request's file for a structure with consent) and their attempts, and
 * the platform's rows about the person. The indicators' read model counts detentions and requests
 * by random ids and holds no one; the outlook's facts are keyed by the person's random id too (dates
 * and placement standings, nothing that names them), and exported with the rest. A delivery is closed once delivered or given up; it closed on its
 * last attempt.
 */
export interface PersonalDataRepository extends PersonalDataEraser {
  /** Every row about the person, table by table. */
  rowsOf(tx: Transaction, personId: string): Promise<Record<string, unknown[]>>;
}

export const PERSONAL_DATA_REPOSITORY = Symbol('PERSONAL_DATA_REPOSITORY');
