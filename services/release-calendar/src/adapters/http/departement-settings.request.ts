import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt } from 'class-validator';

export class DepartementSettingsRequest {
  @ApiProperty({ example: 6, description: 'Months before the expected release at which the SIAO request opens' })
  @IsInt() windowMonths!: number;

  @ApiProperty({ example: [90, 30, 7, 1], description: 'Days before release announced as milestones' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsInt({ each: true }) milestoneDays!: number[];
}
