import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'detentions' })
export class DetentionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('text', { name: 'last_name' }) lastName!: string;
  @Column('text', { name: 'first_names' }) firstNames!: string;
  @Column('date', { name: 'birth_date' }) birthDate!: string;
  @Column('text') ecrou!: string;
  @Column('text', { name: 'establishment_code' }) establishmentCode!: string;
  @Column('text', { name: 'establishment_name' }) establishmentName!: string;
  @Column('text', { name: 'spip_departement' }) spipDepartement!: string;
  @Column('text', { name: 'destination_departement' }) destinationDepartement!: string;
  @Column('date', { name: 'incarceration_date' }) incarcerationDate!: string;
  @Column('date', { name: 'expected_release_date' }) expectedReleaseDate!: string;
  @Column('date', { name: 'sentence_end_date', nullable: true }) sentenceEndDate!: string | null;
  @Column('text', { name: 'expected_release_kind' }) expectedReleaseKind!: string;
  @Column('text') status!: string;
  @Column('boolean', { name: 'window_open' }) windowOpen!: boolean;
  @Column('int', { name: 'milestones_reached', array: true }) milestonesReached!: number[];
  @Column('boolean', { name: 'lsc_review_announced' }) lscReviewAnnounced!: boolean;
  @Column('date', { name: 'next_due_on', nullable: true }) nextDueOn!: string | null;
}
