import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'release_date_changes' })
export class ReleaseDateChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'detention_id' }) detentionId!: string;
  @Column('date', { name: 'previous_date' }) previousDate!: string;
  @Column('date', { name: 'new_date' }) newDate!: string;
  @Column('text') reason!: string;
  @Column('text') source!: string;
  @Column('timestamptz', { name: 'changed_at' }) changedAt!: Date;
}
