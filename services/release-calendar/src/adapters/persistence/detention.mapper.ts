import { Detention, DetentionState, DetentionStatus, ReleaseKind } from '../../domain/detention';
import { DetentionEntity } from './detention.entity';

export function toEntity(detention: Detention, nextDueOn: string | undefined): DetentionEntity {
  const { identity, progress, ...state } = detention.snapshot();
  return Object.assign(new DetentionEntity(), state, identity, progress, {
    sentenceEndDate: state.sentenceEndDate ?? null,
    nextDueOn: nextDueOn ?? null,
  });
}

export function toDomain(entity: DetentionEntity): Detention {
  const state: DetentionState = {
    id: entity.id,
    personId: entity.personId,
    identity: { lastName: entity.lastName, firstNames: entity.firstNames, birthDate: entity.birthDate },
    ecrou: entity.ecrou,
    establishmentCode: entity.establishmentCode,
    establishmentName: entity.establishmentName,
    spipDepartement: entity.spipDepartement,
    destinationDepartement: entity.destinationDepartement,
    incarcerationDate: entity.incarcerationDate,
    ...(entity.sentenceEndDate ? { sentenceEndDate: entity.sentenceEndDate } : {}),
    expectedReleaseDate: entity.expectedReleaseDate,
    expectedReleaseKind: entity.expectedReleaseKind as ReleaseKind,
    status: entity.status as DetentionStatus,
    progress: { windowOpen: entity.windowOpen, milestonesReached: entity.milestonesReached, lscReviewAnnounced: entity.lscReviewAnnounced },
  };
  return Detention.restore(state);
}
