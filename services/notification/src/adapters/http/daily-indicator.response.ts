import { ApiProperty } from '@nestjs/swagger';
import { DailyIndicator } from '../../domain/daily-indicator';

export class DailyIndicatorResponse {
  @ApiProperty({ example: '94' }) departement!: string;
  @ApiProperty({ example: '2026-11-23' }) day!: string;
  @ApiProperty({ example: 3 }) detentionsRegistered!: number;

  static from(indicator: DailyIndicator): DailyIndicatorResponse {
    return Object.assign(new DailyIndicatorResponse(), indicator);
  }
}
