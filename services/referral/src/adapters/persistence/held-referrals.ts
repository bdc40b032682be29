import { EntityManager } from 'typeorm';
import { Append, appendRows, heldState } from '@passerelle/messaging';
import { Transaction } from '@passerelle/service-kit';
import { ReferralEntity } from './referral.entity';

const HELD = Symbol('referrals this transaction holds');

/** The referrals this transaction has locked or written, as they are now; the detentions known to have none. */
interface Held {
  byId: Map<string, ReferralEntity>;
  idOfDetention: Map<string, string>;
  without: Set<string>;
}

const heldIn = (tx: Transaction) => heldState<Held>(tx, HELD, () => ({ byId: new Map(), idOfDetention: new Map(), without: new Set() }));

/**
 * A referral this transaction holds locked, as it is now (written or not): undefined when it does
 * not know, null when the detention is known to have none.
 */
export function heldReferral(tx: Transaction, by: { id: string } | { detentionId: string }): ReferralEntity | null | undefined {
  const held = heldIn(tx);
  if (!held) return undefined;
  if ('detentionId' in by && held.without.has(by.detentionId)) return null;
  const id = 'id' in by ? by.id : held.idOfDetention.get(by.detentionId);
  return id === undefined ? undefined : held.byId.get(id);
}

/** Notes what one locking read of `detentionIds` found, so that each handler's read of one of them is served from here. */
export function keepLocked(tx: Transaction, detentionIds: string[], found: ReferralEntity[]): void {
  const held = heldIn(tx);
  if (!held) return;
  for (const entity of found) if (!held.byId.has(entity.id)) keep(held, entity);
  for (const detentionId of detentionIds) if (!held.idOfDetention.has(detentionId)) held.without.add(detentionId);
}

/**
 * Writes a referral, new or changed, as an upsert held to the commit with the timeline and the
 * events: a consumer batch or a sweep changing a hundred referrals sends one statement, not a
 * hundred. `erased_on` is cleared when the status changes (a reopened request is due for the
 * retention sweep again): the CASE reads the row as it was before the transaction.
 */
export async function holdReferral(tx: Transaction, entity: ReferralEntity): Promise<void> {
  const held = heldIn(tx);
  if (held) keep(held, entity);
  await appendRows(tx, upsertOf(tx as EntityManager, entity));
}

function keep(held: Held, entity: ReferralEntity): void {
  held.byId.set(entity.id, entity);
  held.idOfDetention.set(entity.detentionId, entity.id);
  held.without.delete(entity.detentionId);
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
