import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'departement_settings' })
export class DepartementSettingsEntity {
  @PrimaryColumn('text') departement!: string;
  @Column('int', { name: 'window_months' }) windowMonths!: number;
  @Column('int', { name: 'milestone_days', array: true }) milestoneDays!: number[];
}
