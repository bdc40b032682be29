import { ApiProperty } from '@nestjs/swagger';
import { DetentionState } from '../../domain/detention';

export class DetentionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() identity!: { lastName: string; firstNames: string; birthDate: string };
  @ApiProperty() ecrou!: string;
  @ApiProperty() establishmentCode!: string;
  @ApiProperty() establishmentName!: string;
  @ApiProperty() spipDepartement!: string;
  @ApiProperty() destinationDepartement!: string;
  @ApiProperty() incarcerationDate!: string;
  @ApiProperty({ required: false }) sentenceEndDate?: string;
  @ApiProperty() expectedReleaseDate!: string;
  @ApiProperty() expectedReleaseKind!: string;
  @ApiProperty() status!: string;

  static from(state: DetentionState): DetentionResponse {
    // The calendar's progress is internal bookkeeping: it stays out of the API.
    const { progress: _progress, ...shown } = state;
    return Object.assign(new DetentionResponse(), shown, { identity: { ...state.identity } });
  }
}

export class DetentionPageResponse {
  @ApiProperty({ type: [DetentionResponse] }) items!: DetentionResponse[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
