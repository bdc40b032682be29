import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'referrals' })
export class ReferralEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'detention_id' }) detentionId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('text', { name: 'spip_departement' }) spipDepartement!: string;
  @Column('text', { name: 'siao_departement' }) siaoDepartement!: string;
  @Column('date', { name: 'expected_release_date' }) expectedReleaseDate!: string;
  @Column('boolean') urgent!: boolean;
  @Column('text') status!: string;
  @Column('text', { name: 'status_before_hold', nullable: true }) statusBeforeHold!: string | null;
  @Column('boolean', { name: 'placement_confirmed' }) placementConfirmed!: boolean;
  @Column('text', { name: 'alert_level', nullable: true }) alertLevel!: string | null;
  @Column('boolean', { name: 'alert_resolved' }) alertResolved!: boolean;
}
