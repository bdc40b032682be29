import { PersonalDataEraser, Transaction } from '@passerelle/service-kit';

/**
 * The personal data housing-placement holds: the SIAO request's file as submitted (household,
 * needs, resources, rights, territories, care-continuity flag, consent), the commission's
 * préconisation, the placements and agenda items, and the platform's rows about the person.
 * A request is closed on the last day it knows (release, receipt, session, decision, date to
 * reconsider, entry), whatever its status: a sortie sèche leaves it open in this service.
 */
export interface PersonalDataRepository extends PersonalDataEraser {
  /** Every row about the person, table by table. */
  rowsOf(tx: Transaction, personId: string): Promise<Record<string, unknown[]>>;
}

export const PERSONAL_DATA_REPOSITORY = Symbol('PERSONAL_DATA_REPOSITORY');
