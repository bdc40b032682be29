import { Transaction } from '@passerelle/service-kit';
import { CommissionSession } from '../../domain/commission-session';

export interface AgendaItem {
  requestId: string;
  addedOn: string;
  /** What the commission decided, once it did: orientation, deferral, refusal, or returned. */
  decision?: string;
}

export interface CommissionSessionRepository {
  insert(tx: Transaction, session: CommissionSession): Promise<void>;
  findById(tx: Transaction, id: string): Promise<CommissionSession | undefined>;
  list(tx: Transaction, departements: string[] | 'all', from: string): Promise<CommissionSession[]>;
  addToAgenda(tx: Transaction, sessionId: string, requestId: string, addedOn: string): Promise<void>;
  recordDecision(tx: Transaction, sessionId: string, requestId: string, decision: string): Promise<void>;
  agendaOf(tx: Transaction, sessionId: string): Promise<AgendaItem[]>;
}

export const COMMISSION_SESSION_REPOSITORY = Symbol('COMMISSION_SESSION_REPOSITORY');
