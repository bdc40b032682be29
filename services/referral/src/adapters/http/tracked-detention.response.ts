import { ApiProperty } from '@nestjs/swagger';
import { TrackedDetentionState } from '../../domain/tracked-detention';

export class TrackedDetentionResponse {
  @ApiProperty() detentionId!: string;
  @ApiProperty() personId!: string;
  @ApiProperty({ example: '94' }) spipDepartement!: string;
  @ApiProperty({ example: '94' }) destinationDepartement!: string;
  @ApiProperty({ example: '2027-03-31' }) expectedReleaseDate!: string;
  @ApiProperty({ example: '2026-11-23T09:00:00.000Z' }) registeredAt!: string;

  static from(state: TrackedDetentionState): TrackedDetentionResponse {
    return Object.assign(new TrackedDetentionResponse(), state, { registeredAt: state.registeredAt.toISOString() });
  }
}
