import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Transaction } from '@passerelle/service-kit';
import { ReferralRepository } from '../../application/ports/referral.repository';
import { Referral, ReferralState, ReferralStatus } from '../../domain/referral';
import { ReferralEntity } from './referral.entity';

@Injectable()
export class ReferralTypeormRepository implements ReferralRepository {
  async lockByDetention(tx: Transaction, detentionId: string): Promise<Referral | undefined> {
    const entity = await (tx as EntityManager).findOne(ReferralEntity, { where: { detentionId }, lock: { mode: 'pessimistic_write' } });
    return entity ? Referral.restore(toState(entity)) : undefined;
  }

  async insert(tx: Transaction, referral: Referral): Promise<void> {
    await (tx as EntityManager).insert(ReferralEntity, toEntity(referral));
  }

  async update(tx: Transaction, referral: Referral): Promise<void> {
    const { id, ...changes } = toEntity(referral);
    await (tx as EntityManager).update(ReferralEntity, { id }, changes);
  }
}

function toEntity(referral: Referral): ReferralEntity {
  const { alert, statusBeforeHold, ...state } = referral.snapshot();
  return Object.assign(new ReferralEntity(), state, {
    statusBeforeHold: statusBeforeHold ?? null, alertLevel: alert.level ?? null, alertResolved: alert.resolved,
  });
}

function toState(entity: ReferralEntity): ReferralState {
  return {
    id: entity.id,
    detentionId: entity.detentionId,
    personId: entity.personId,
    spipDepartement: entity.spipDepartement,
    siaoDepartement: entity.siaoDepartement,
    expectedReleaseDate: entity.expectedReleaseDate,
    urgent: entity.urgent,
    status: entity.status as ReferralStatus,
    statusBeforeHold: (entity.statusBeforeHold as ReferralStatus | null) ?? undefined,
    placementConfirmed: entity.placementConfirmed,
    alert: { level: (entity.alertLevel as ReferralState['alert']['level'] | null) ?? undefined, resolved: entity.alertResolved },
  };
}
