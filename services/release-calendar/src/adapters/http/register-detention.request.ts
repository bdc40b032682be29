import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsDepartementCode, RELEASE_KINDS, ReleaseKind } from '@passerelle/contracts';

export class IdentityRequest {
  @ApiProperty() @IsString() @Length(1, 100) lastName!: string;
  @ApiProperty() @IsString() @Length(1, 200) firstNames!: string;
  @ApiProperty({ example: '1990-04-12' }) @IsCalendarDate() birthDate!: string;
}

export class RegisterDetentionRequest {
  @ApiProperty({ description: 'Pseudonymous id of the person in Passerelle' }) @IsUUID() personId!: string;
  @ApiProperty({ type: IdentityRequest }) @ValidateNested() @Type(() => IdentityRequest) identity!: IdentityRequest;
  @ApiProperty({ description: "Numéro d'écrou, unique in its establishment" }) @IsString() @Length(1, 30) ecrou!: string;
  @ApiProperty() @IsString() @Length(1, 20) establishmentCode!: string;
  @ApiProperty() @IsString() @Length(1, 200) establishmentName!: string;
  @ApiProperty({ example: '94' }) @IsDepartementCode() spipDepartement!: string;
  @ApiPropertyOptional({ description: "Défaut : le département du SPIP" }) @IsOptional() @IsDepartementCode() destinationDepartement?: string;
  @ApiProperty({ example: '2026-01-10' }) @IsCalendarDate() incarcerationDate!: string;
  @ApiPropertyOptional({ example: '2027-09-30', description: 'End of the sentence as pronounced (for the LSC rule)' })
  @IsOptional() @IsCalendarDate() sentenceEndDate?: string;
  @ApiProperty({ example: '2027-03-31' }) @IsCalendarDate() expectedReleaseDate!: string;
  @ApiProperty({ enum: RELEASE_KINDS }) @IsIn(RELEASE_KINDS) expectedReleaseKind!: ReleaseKind;
}
