import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsUUID, ValidateNested } from 'class-validator';
import { IsCalendarDate, RELEASE_KINDS, ReleaseKind } from '@passerelle/contracts';

export const MAX_RELEASES_PER_REPORT = 1_000;

export class ReportedReleaseRequest {
  @ApiProperty() @IsUUID() detentionId!: string;
  @ApiProperty({ example: '2026-11-23' }) @IsCalendarDate() releasedOn!: string;
  @ApiProperty({ enum: RELEASE_KINDS }) @IsIn(RELEASE_KINDS) releaseKind!: ReleaseKind;
}

export class ReleasesReportRequest {
  @ApiProperty({ type: [ReportedReleaseRequest], maxItems: MAX_RELEASES_PER_REPORT })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_RELEASES_PER_REPORT) @ValidateNested({ each: true }) @Type(() => ReportedReleaseRequest)
  releases!: ReportedReleaseRequest[];
}
