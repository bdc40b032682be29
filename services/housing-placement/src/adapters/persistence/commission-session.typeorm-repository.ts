import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { schemaIdentifier } from '@passerelle/messaging';
import { SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { AgendaItem, CommissionSessionRepository } from '../../application/ports/commission-session.repository';
import { CommissionSession } from '../../domain/commission-session';
import { CommissionSessionEntity } from './housing.entities';

const manager = (tx: Transaction) => tx as EntityManager;

@Injectable()
export class CommissionSessionTypeormRepository implements CommissionSessionRepository {
  private readonly schema: string;

  constructor(@Inject(SERVICE_SCHEMA) schema: string) {
    this.schema = schemaIdentifier(schema);
  }

  async insert(tx: Transaction, session: CommissionSession): Promise<void> {
    await manager(tx).insert(CommissionSessionEntity, session.snapshot());
  }

  async findById(tx: Transaction, id: string): Promise<CommissionSession | undefined> {
    const entity = await manager(tx).findOneBy(CommissionSessionEntity, { id });
    return entity ? CommissionSession.restore(entity) : undefined;
  }

  async list(tx: Transaction, departements: string[] | 'all', from: string): Promise<CommissionSession[]> {
    const where = { sessionDate: MoreThanOrEqual(from), ...(departements === 'all' ? {} : { departement: In(departements) }) };
    const entities = await manager(tx).find(CommissionSessionEntity, { where, order: { sessionDate: 'ASC', id: 'ASC' } });
    return entities.map((entity) => CommissionSession.restore(entity));
  }

  async addToAgenda(tx: Transaction, sessionId: string, requestId: string, addedOn: string): Promise<void> {
    await manager(tx).query(
      `INSERT INTO ${this.schema}.agenda_items (session_id, request_id, added_on) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [sessionId, requestId, addedOn],
    );
  }

  async recordDecision(tx: Transaction, sessionId: string, requestId: string, decision: string): Promise<void> {
    await manager(tx).query(`UPDATE ${this.schema}.agenda_items SET decision = $3 WHERE session_id = $1 AND request_id = $2`, [sessionId, requestId, decision]);
  }

  async agendaOf(tx: Transaction, sessionId: string): Promise<AgendaItem[]> {
    const rows: { request_id: string; added_on: string; decision: string | null }[] = await manager(tx).query(
      `SELECT request_id, to_char(added_on, 'YYYY-MM-DD') AS added_on, decision FROM ${this.schema}.agenda_items WHERE session_id = $1 ORDER BY position`,
      [sessionId],
    );
    return rows.map((row) => ({ requestId: row.request_id, addedOn: row.added_on, ...(row.decision ? { decision: row.decision } : {}) }));
  }
}
