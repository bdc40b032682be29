import { Referral, ReferralStatus, WithdrawalReason } from '../../domain/referral';
import { ReferralEntity } from './referral.entity';

export function toEntity(referral: Referral): ReferralEntity {
  const { identity, statusBeforeHold, consent, placement, releasedOn, withdrawalReason, ...state } = referral.snapshot();
  return Object.assign(new ReferralEntity(), state, {
    ...identity,
    statusBeforeHold: statusBeforeHold ?? null,
    consent: consent ?? null,
    placement: placement ?? null,
    releasedOn: releasedOn ?? null,
    withdrawalReason: withdrawalReason ?? null,
    alertLevel: referral.highestOpenAlertLevel() ?? null,
  });
}

export function toReferral(entity: ReferralEntity): Referral {
  return Referral.restore({
    id: entity.id,
    detentionId: entity.detentionId,
    personId: entity.personId,
    spipDepartement: entity.spipDepartement,
    siaoDepartement: entity.siaoDepartement,
    expectedReleaseDate: entity.expectedReleaseDate,
    urgent: entity.urgent,
    establishmentCode: entity.establishmentCode,
    establishmentName: entity.establishmentName,
    identity: { lastName: entity.lastName, firstNames: entity.firstNames, birthDate: entity.birthDate },
    status: entity.status as ReferralStatus,
    statusBeforeHold: (entity.statusBeforeHold as ReferralStatus | null) ?? undefined,
    openedOn: entity.openedOn,
    waitingSince: entity.waitingSince,
    submissions: entity.submissions,
    file: entity.file,
    consent: entity.consent ?? undefined,
    returnedMissing: entity.returnedMissing,
    placement: entity.placement ?? undefined,
    declinedByPerson: entity.declinedByPerson,
    releasedOn: entity.releasedOn ?? undefined,
    withdrawalReason: (entity.withdrawalReason as WithdrawalReason | null) ?? undefined,
    alerts: entity.alerts,
  });
}
