import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HousingRequestState } from '../../domain/housing-request';
import type { RequestFile } from '../../domain/request-file';
import type { Acceptance } from '../../domain/structure';

@Entity({ name: 'structures' })
export class StructureEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') type!: string;
  @Column('text') departement!: string;
  @Column('text') area!: string;
  @Column('integer') capacity!: number;
  @Column('integer', { name: 'reserved_justice_places' }) reservedJusticePlaces!: number;
  @Column('integer', { name: 'volante_places' }) volantePlaces!: number;
  @Column('jsonb') accepts!: Acceptance;
}

@Entity({ name: 'structure_closures' })
export class ClosureEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'structure_id' }) structureId!: string;
  @Column('date', { name: 'from_date' }) from!: string;
  @Column('date', { name: 'to_date' }) to!: string;
  @Column('integer') places!: number;
  @Column('text') reason!: string;
}

@Entity({ name: 'housing_requests' })
export class HousingRequestEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'referral_id' }) referralId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('uuid', { name: 'detention_id' }) detentionId!: string;
  @Column('text', { name: 'spip_departement' }) spipDepartement!: string;
  @Column('text', { name: 'siao_departement' }) siaoDepartement!: string;
  @Column('date', { name: 'expected_release_date' }) expectedReleaseDate!: string;
  @Column('boolean') urgent!: boolean;
  @Column('integer') submission!: number;
  @Column('text') status!: string;
  @Column('jsonb') file!: RequestFile;
  @Column('date', { name: 'received_on' }) receivedOn!: string;
  @Column('text', { array: true }) missing!: string[];
  @Column('jsonb', { nullable: true }) session!: HousingRequestState['session'] | null;
  @Column('jsonb', { nullable: true }) orientation!: HousingRequestState['orientation'] | null;
  /** Kept beside the orientation so the lapse sweep finds what is due with an index. */
  @Column('date', { name: 'orientation_valid_until', nullable: true }) orientationValidUntil!: string | null;
  @Column('jsonb', { nullable: true }) deferral!: HousingRequestState['deferral'] | null;
  @Column('jsonb', { nullable: true }) refusal!: HousingRequestState['refusal'] | null;
  @Column('text', { name: 'withdrawal_reason', nullable: true }) withdrawalReason!: string | null;
}

@Entity({ name: 'placements' })
export class PlacementEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'request_id' }) requestId!: string;
  @Column('uuid', { name: 'structure_id' }) structureId!: string;
  @Column('text', { name: 'structure_type' }) structureType!: string;
  @Column('uuid', { name: 'orientation_session_id' }) orientationSessionId!: string;
  @Column('text') status!: string;
  @Column('integer') places!: number;
  @Column('date', { name: 'entry_date', nullable: true }) entryDate!: string | null;
  @Column('text', { nullable: true }) pool!: string | null;
  @Column('text', { name: 'refusal_reason', nullable: true }) refusalReason!: string | null;
  @Column('text', { name: 'cancellation_reason', nullable: true }) cancellationReason!: string | null;
  @Column('date', { name: 'entered_on', nullable: true }) enteredOn!: string | null;
  @Column('boolean') flagged!: boolean;
  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false }) createdAt?: Date;
}

@Entity({ name: 'commission_sessions' })
export class CommissionSessionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') departement!: string;
  @Column('date', { name: 'session_date' }) sessionDate!: string;
  @Column('text', { array: true }) members!: string[];
  @Column('text', { name: 'created_by' }) createdBy!: string;
}

export const HOUSING_ENTITIES = [StructureEntity, ClosureEntity, HousingRequestEntity, PlacementEntity, CommissionSessionEntity];
