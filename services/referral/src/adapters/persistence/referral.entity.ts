import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Consent } from '../../domain/consent';
import type { Placement } from '../../domain/housing-progress';
import type { AlertsState } from '../../domain/referral-alerts';
import type { ReferralFile } from '../../domain/referral-file';

@Entity({ name: 'referrals' })
export class ReferralEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'detention_id' }) detentionId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('text', { name: 'spip_departement' }) spipDepartement!: string;
  @Column('text', { name: 'siao_departement' }) siaoDepartement!: string;
  @Column('date', { name: 'expected_release_date' }) expectedReleaseDate!: string;
  @Column('boolean') urgent!: boolean;
  @Column('text', { name: 'establishment_code' }) establishmentCode!: string;
  @Column('text', { name: 'establishment_name' }) establishmentName!: string;
  @Column('text', { name: 'last_name' }) lastName!: string;
  @Column('text', { name: 'first_names' }) firstNames!: string;
  @Column('date', { name: 'birth_date' }) birthDate!: string;
  @Column('text') status!: string;
  @Column('text', { name: 'status_before_hold', nullable: true }) statusBeforeHold!: string | null;
  @Column('date', { name: 'opened_on' }) openedOn!: string;
  @Column('date', { name: 'waiting_since' }) waitingSince!: string;
  @Column('integer') submissions!: number;
  @Column('jsonb') file!: ReferralFile;
  @Column('jsonb', { nullable: true }) consent!: Consent | null;
  @Column('text', { name: 'returned_missing', array: true }) returnedMissing!: string[];
  @Column('jsonb', { nullable: true }) placement!: Placement | null;
  @Column('boolean', { name: 'declined_by_person' }) declinedByPerson!: boolean;
  @Column('date', { name: 'released_on', nullable: true }) releasedOn!: string | null;
  @Column('text', { name: 'withdrawal_reason', nullable: true }) withdrawalReason!: string | null;
  @Column('jsonb') alerts!: AlertsState;
  /** The highest open alert level, kept beside the alerts so the caseload filters and sorts on it. */
  @Column('text', { name: 'alert_level', nullable: true }) alertLevel!: string | null;
  /** Set by the retention sweep alone; mapped so that an update that reopens a request clears it. Never read. */
  @Column('date', { name: 'erased_on', nullable: true, select: false }) erasedOn?: string | null;
}
