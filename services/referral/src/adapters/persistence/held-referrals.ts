import { EntityManager } from 'typeorm';
import { Append, appendRows, heldState } from '@passerelle/messaging';
import { Transaction } from '@passerelle/service-kit';
import { ReferralEntity } from './referral.entity';

const HELD = Symbol('referrals written in this transaction');

interface Written {
  byId: Map<string, ReferralEntity>;
  idOfDetention: Map<string, string>;
}

const written = (tx: Transaction) => heldState<Written>(tx, HELD, () => ({ byId: new Map(), idOfDetention: new Map() }));

/** A referral this transaction wrote: it holds the row's lock already, and the row is not sent yet. */
export function heldReferral(tx: Transaction, by: { id: string } | { detentionId: string }): ReferralEntity | undefined {
  const held = written(tx);
  const id = 'id' in by ? by.id : held?.idOfDetention.get(by.detentionId);
  return id === undefined ? undefined : held?.byId.get(id);
}

/**
 * Writes a referral, new or changed, as an upsert held to the commit with the timeline and the
 * events: a consumer batch or a sweep changing a hundred referrals sends one statement, not a
 * hundred. Until then its reads come from `heldReferral`. `erased_on` is cleared when the status
 * changes (a reopened request is due for the retention sweep again): the CASE reads the row as it was.
 */
export async function holdReferral(tx: Transaction, entity: ReferralEntity): Promise<void> {
  const held = written(tx);
  held?.byId.set(entity.id, entity);
  held?.idOfDetention.set(entity.detentionId, entity.id);
  await appendRows(tx, upsertOf(tx as EntityManager, entity));
}

function upsertOf(manager: EntityManager, entity: ReferralEntity): Append {
  const metadata = manager.connection.getMetadata(ReferralEntity);
  const columns = metadata.columns.filter((column) => column.propertyName !== 'erasedOn');
  const names = columns.map((column) => column.databaseName);
  return {
    into: `${metadata.tablePath} AS r (${names.join(', ')})`,
    suffix: `ON CONFLICT (id) DO UPDATE SET ${names.filter((name) => name !== 'id').map((name) => `${name} = EXCLUDED.${name}`).join(', ')},
      erased_on = CASE WHEN r.status = EXCLUDED.status THEN r.erased_on END`,
    columns: columns.length,
    rows: [columns.map((column) => manager.connection.driver.preparePersistentValue(column.getEntityValue(entity), column))],
    key: names.indexOf('id'),
  };
}
