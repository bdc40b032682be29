import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate, IsDepartementCode } from '@passerelle/contracts';

export class ListDetentionsRequest {
  @ApiPropertyOptional({ example: '13' }) @IsOptional() @IsDepartementCode() departement?: string;
  @ApiPropertyOptional({ enum: ['incarcerated', 'released', 'transferred'] }) @IsOptional() @IsIn(['incarcerated', 'released', 'transferred']) status?: string;
  @ApiPropertyOptional({ example: '2027-01-01' }) @IsOptional() @IsCalendarDate() releaseFrom?: string;
  @ApiPropertyOptional({ example: '2027-06-30' }) @IsOptional() @IsCalendarDate() releaseTo?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 50;
}
