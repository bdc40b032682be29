import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Transaction } from '@passerelle/service-kit';
import { TrackedDetention } from '../../domain/tracked-detention';
import { TrackedDetentionRepository } from '../../application/ports/tracked-detention.repository';
import { TrackedDetentionEntity } from './tracked-detention.entity';
import { toDomain, toEntity } from './tracked-detention.mapper';

@Injectable()
export class TrackedDetentionTypeormRepository implements TrackedDetentionRepository {
  async trackIfNew(tx: Transaction, detention: TrackedDetention): Promise<boolean> {
    const result = await (tx as EntityManager)
      .createQueryBuilder()
      .insert()
      .into(TrackedDetentionEntity)
      .values(toEntity(detention))
      .orIgnore()
      .returning('detention_id')
      .execute();
    return result.raw.length > 0;
  }

  async findById(tx: Transaction, detentionId: string): Promise<TrackedDetention | undefined> {
    const entity = await (tx as EntityManager).findOneBy(TrackedDetentionEntity, { detentionId });
    return entity ? toDomain(entity) : undefined;
  }
}
