import { Injectable } from '@nestjs/common';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { flushAppends } from '@passerelle/messaging';
import { Transaction } from '@passerelle/service-kit';
import { OpenAlert, ReferralQuery, ReferralRepository, ReferralScope, WaitingQuery } from '../../application/ports/referral.repository';
import { AlertKind } from '../../domain/referral-alerts';
import { Referral, ReferralStatus } from '../../domain/referral';
import { ReferralEntity } from './referral.entity';
import { heldReferral, holdReferral, keepLocked } from './held-referrals';
import { toEntity, toReferral } from './referral.mapper';

const manager = (tx: Transaction) => tx as EntityManager;

/*
 * Writes are held to the commit (held-referrals.ts). The locking reads by id or detention find
 * what this transaction locked or wrote in memory; any other read sends the held rows first, so it sees them.
 */

@Injectable()
export class ReferralTypeormRepository implements ReferralRepository {
  async lockByDetention(tx: Transaction, detentionId: string): Promise<Referral | undefined> {
    const held = heldReferral(tx, { detentionId });
    if (held !== undefined) return held ? toReferral(held) : undefined;
    const entity = await manager(tx).findOne(ReferralEntity, { where: { detentionId }, lock: { mode: 'pessimistic_write' } });
    return entity ? toReferral(entity) : undefined;
  }

  async lockByDetentions(tx: Transaction, detentionIds: string[]): Promise<void> {
    const wanted = detentionIds.filter((detentionId) => heldReferral(tx, { detentionId }) === undefined);
    if (wanted.length === 0) return;
    const found = await manager(tx).find(ReferralEntity, {
      where: { detentionId: In(wanted) }, order: { detentionId: 'ASC' }, lock: { mode: 'pessimistic_write' },
    });
    keepLocked(tx, wanted, found);
  }

  async lockById(tx: Transaction, id: string): Promise<Referral | undefined> {
    const held = heldReferral(tx, { id });
    if (held) return toReferral(held);
    const entity = await manager(tx).findOne(ReferralEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return entity ? toReferral(entity) : undefined;
  }

  async lockFreeByIds(tx: Transaction, ids: string[]): Promise<Referral[]> {
    await flushAppends(tx);
    if (ids.length === 0) return [];
    const entities = await manager(tx).find(ReferralEntity, {
      where: { id: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
    return entities.map(toReferral);
  }

  async findById(tx: Transaction, id: string): Promise<Referral | undefined> {
    await flushAppends(tx);
    const entity = await manager(tx).findOneBy(ReferralEntity, { id });
    return entity ? toReferral(entity) : undefined;
  }

  insert(tx: Transaction, referral: Referral): Promise<void> {
    return holdReferral(tx, toEntity(referral));
  }

  update(tx: Transaction, referral: Referral): Promise<void> {
    return holdReferral(tx, toEntity(referral));
  }

  /** Sorted by days to release: the nearest release first, then the oldest request. */
  async list(tx: Transaction, query: ReferralQuery): Promise<{ items: Referral[]; total: number }> {
    await flushAppends(tx);
    const builder = scoped(manager(tx).createQueryBuilder(ReferralEntity, 'r'), query);
    if (query.status) builder.andWhere('r.status = :status', { status: query.status });
    if (query.alertLevel) builder.andWhere('r.alert_level = :alertLevel', { alertLevel: query.alertLevel });
    if (query.dueBefore) builder.andWhere('r.expected_release_date <= :dueBefore', { dueBefore: query.dueBefore });
    if (query.spipDepartement) builder.andWhere('r.spip_departement = :spip', { spip: query.spipDepartement });
    if (query.establishmentCode) builder.andWhere('r.establishment_code = :establishment', { establishment: query.establishmentCode });
    const [entities, total] = await builder
      .orderBy('r.expected_release_date', 'ASC').addOrderBy('r.opened_on', 'ASC').addOrderBy('r.id', 'ASC')
      .skip((query.page - 1) * query.pageSize).take(query.pageSize)
      .getManyAndCount();
    return { items: entities.map(toReferral), total };
  }

  async openAlerts(tx: Transaction, scope: ReferralScope, kind?: AlertKind): Promise<OpenAlert[]> {
    await flushAppends(tx);
    const builder = scoped(manager(tx).createQueryBuilder(ReferralEntity, 'r'), scope)
      .andWhere(`r.alert_level IS NOT NULL`)
      .orderBy('r.expected_release_date', 'ASC').addOrderBy('r.id', 'ASC');
    const entities = await builder.getMany();
    return entities.flatMap((entity) => Object.entries(entity.alerts)
      .filter(([alertKind, alert]) => alert?.open && (!kind || alertKind === kind))
      .map(([alertKind, alert]) => ({
        ...alert!, kind: alertKind as AlertKind, referralId: entity.id, personId: entity.personId, spipDepartement: entity.spipDepartement,
        siaoDepartement: entity.siaoDepartement, expectedReleaseDate: entity.expectedReleaseDate, status: entity.status as ReferralStatus,
      })));
  }

  async idsWaitingSince(tx: Transaction, query: WaitingQuery): Promise<string[]> {
    await flushAppends(tx);
    const rows = await manager(tx).createQueryBuilder(ReferralEntity, 'r').select('r.id', 'id')
      .where('r.status IN (:...statuses)', { statuses: query.statuses })
      .andWhere('r.waiting_since < :before', { before: query.before })
      .andWhere(`COALESCE((r.alerts -> :alert ->> 'open')::boolean, false) = false`, { alert: query.alert })
      .andWhere('r.id > :afterId', { afterId: query.afterId })
      .orderBy('r.id', 'ASC').limit(query.limit).getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }
}

/**
 * A SPIP sees its own cases. A SIAO sees only requests it was sent and may still read: submitted
 * at least once, with the person's consent in force naming the SIAO.
 */
function scoped(builder: SelectQueryBuilder<ReferralEntity>, scope: ReferralScope): SelectQueryBuilder<ReferralEntity> {
  const column = scope.view === 'spip' ? 'r.spip_departement' : 'r.siao_departement';
  builder.where('TRUE');
  if (scope.departements !== 'all') builder.andWhere(`${column} IN (:...departements)`, { departements: scope.departements.length ? scope.departements : [''] });
  if (scope.view === 'siao') {
    builder.andWhere('r.submissions > 0').andWhere(`r.status <> 'withdrawn'`)
      .andWhere(`r.consent->>'decision' = 'given' AND r.consent->>'withdrawnOn' IS NULL AND r.consent->'recipients' ? 'siao'`);
  }
  return builder;
}
