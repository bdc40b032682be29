import { Inject, Injectable } from '@nestjs/common';
import { rowsOf, schemaIdentifier } from '@passerelle/messaging';
import { SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { OwnerNotice, OwnerNoticeRepository } from '../../application/ports/webhook.ports';

@Injectable()
export class OwnerNoticeSqlRepository implements OwnerNoticeRepository {
  private readonly table: string;

  constructor(@Inject(SERVICE_SCHEMA) schema: string) {
    this.table = `${schemaIdentifier(schema)}.owner_notices`;
  }

  async add(tx: Transaction, notice: OwnerNotice): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.table} (id, owner_subject, subscription_id, created_at, message) VALUES ($1, $2, $3, $4, $5)`,
      [notice.id, notice.ownerSubject, notice.subscriptionId, notice.createdAt, notice.message],
    );
  }

  async forOwner(tx: Transaction, ownerSubject: string, limit: number): Promise<OwnerNotice[]> {
    const rows = rowsOf<{ id: string; owner_subject: string; subscription_id: string; created_at: Date; message: string }>(await tx.query(
      `SELECT id, owner_subject, subscription_id, created_at, message FROM ${this.table} WHERE owner_subject = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [ownerSubject, limit],
    ));
    return rows.map((row) => ({
      id: row.id, ownerSubject: row.owner_subject, subscriptionId: row.subscription_id, createdAt: row.created_at.toISOString(), message: row.message,
    }));
  }
}
