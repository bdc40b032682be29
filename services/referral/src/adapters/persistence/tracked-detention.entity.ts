import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'tracked_detentions' })
export class TrackedDetentionEntity {
  @PrimaryColumn('uuid', { name: 'detention_id' }) detentionId!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('text', { name: 'spip_departement' }) spipDepartement!: string;
  @Column('text', { name: 'destination_departement' }) destinationDepartement!: string;
  @Column('date', { name: 'expected_release_date' }) expectedReleaseDate!: string;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
}
