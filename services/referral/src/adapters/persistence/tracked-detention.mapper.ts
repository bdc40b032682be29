import { TrackedDetention } from '../../domain/tracked-detention';
import { TrackedDetentionEntity } from './tracked-detention.entity';

export function toEntity(detention: TrackedDetention): TrackedDetentionEntity {
  return Object.assign(new TrackedDetentionEntity(), detention.snapshot());
}

export function toDomain(entity: TrackedDetentionEntity): TrackedDetention {
  return TrackedDetention.restore({
    detentionId: entity.detentionId,
    personId: entity.personId,
    spipDepartement: entity.spipDepartement,
    destinationDepartement: entity.destinationDepartement,
    expectedReleaseDate: entity.expectedReleaseDate,
    registeredAt: entity.registeredAt,
  });
}
