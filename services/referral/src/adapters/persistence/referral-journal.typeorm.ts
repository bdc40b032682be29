import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { appendRows, schemaIdentifier } from '@passerelle/messaging';
import { SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { ReferralJournal, SortieSecheRecord, TimelineEntry } from '../../application/ports/referral-journal';

const manager = (tx: Transaction) => tx as EntityManager;
const TIMELINE_COLUMNS = 5;

/** The timeline and the sortie-sèche register, in the service's schema. */
@Injectable()
export class ReferralJournalTypeorm implements ReferralJournal {
  private readonly schema: string;

  constructor(@Inject(SERVICE_SCHEMA) schema: string) {
    this.schema = schemaIdentifier(schema);
  }

  async append(tx: Transaction, referralId: string, entries: TimelineEntry[]): Promise<void> {
    await appendRows(tx, {
      into: `${this.schema}.referral_timeline (referral_id, occurred_at, entry, detail, actor)`,
      columns: TIMELINE_COLUMNS,
      rows: entries.map((e) => [referralId, e.at, e.entry, JSON.stringify(e.detail), e.actor]),
    });
  }

  async timelineOf(tx: Transaction, referralId: string): Promise<TimelineEntry[]> {
    const rows: { occurred_at: Date; entry: string; detail: Record<string, unknown>; actor: string }[] = await manager(tx).query(
      `SELECT occurred_at, entry, detail, actor FROM ${this.schema}.referral_timeline WHERE referral_id = $1 ORDER BY id`, [referralId],
    );
    return rows.map((row) => ({ at: row.occurred_at, entry: row.entry, detail: row.detail, actor: row.actor }));
  }

  async recordSortieSeche(tx: Transaction, record: SortieSecheRecord, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager(tx).query(
      `INSERT INTO ${this.schema}.sorties_seches (detention_id, referral_id, person_id, spip_departement, siao_departement, expected_release_date, reason, released_on, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (detention_id) DO NOTHING RETURNING detention_id`,
      [record.detentionId, record.referralId ?? null, record.personId, record.spipDepartement, record.siaoDepartement,
        record.expectedReleaseDate, record.reason, record.releasedOn, at],
    );
    return rows.length > 0;
  }
}
