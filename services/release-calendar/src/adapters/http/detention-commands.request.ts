import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate, IsDepartementCode, RELEASE_DATE_CHANGE_REASONS, RELEASE_KINDS, ReleaseDateChangeReason, ReleaseKind } from '@passerelle/contracts';

export class ChangeReleaseDateRequest {
  @ApiProperty({ example: '2027-04-30' }) @IsCalendarDate() expectedReleaseDate!: string;
  @ApiProperty({ enum: RELEASE_DATE_CHANGE_REASONS }) @IsIn(RELEASE_DATE_CHANGE_REASONS) reason!: ReleaseDateChangeReason;
}

export class ReleaseRequest {
  @ApiProperty({ example: '2026-11-23' }) @IsCalendarDate() releasedOn!: string;
  @ApiProperty({ enum: RELEASE_KINDS }) @IsIn(RELEASE_KINDS) releaseKind!: ReleaseKind;
}

export class TransferRequest {
  @ApiProperty() @IsString() @Length(1, 20) establishmentCode!: string;
  @ApiProperty() @IsString() @Length(1, 200) establishmentName!: string;
  @ApiProperty({ description: "Numéro d'écrou in the new establishment" }) @IsString() @Length(1, 30) ecrou!: string;
  @ApiPropertyOptional({ description: 'The SPIP now in charge, when it changes' }) @IsOptional() @IsDepartementCode() spipDepartement?: string;
  @ApiPropertyOptional() @IsOptional() @IsDepartementCode() destinationDepartement?: string;
}
