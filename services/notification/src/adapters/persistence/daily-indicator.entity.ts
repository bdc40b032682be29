import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'daily_indicators' })
export class DailyIndicatorEntity {
  @PrimaryColumn('text') departement!: string;
  @PrimaryColumn('date') day!: string;
  @Column('int', { name: 'detentions_registered' }) detentionsRegistered!: number;
}
