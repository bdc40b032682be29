import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate, IsDepartementCode } from '@passerelle/contracts';

export class IndicatorsQuery {
  @ApiProperty({ example: '94' }) @IsDepartementCode() departement!: string;
  @ApiProperty({ example: '2026-11-01', description: 'First day, Europe/Paris' }) @IsCalendarDate() from!: string;
  @ApiProperty({ example: '2026-11-30', description: 'Last day, included' }) @IsCalendarDate() to!: string;
}

export class IndicatorStreamQuery {
  @ApiPropertyOptional({ example: '94', description: 'One of your départements; all of them when left out' }) @IsOptional() @IsDepartementCode() departement?: string;
}

export class OutlookQuery {
  @ApiProperty({ example: '94', description: 'One of your départements' }) @IsDepartementCode() departement!: string;
}
