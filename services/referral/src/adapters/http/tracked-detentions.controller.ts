import { Controller, Get, Param, ParseUUIDPipe, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { GetTrackedDetention } from '../../application/get-tracked-detention.use-case';
import { TrackedDetentionErrorsFilter } from './tracked-detention-errors.filter';
import { TrackedDetentionResponse } from './tracked-detention.response';

@ApiTags('tracked-detentions')
@ApiBearerAuth()
@UseFilters(TrackedDetentionErrorsFilter)
@Controller('v1/tracked-detentions')
export class TrackedDetentionsController {
  constructor(private readonly getTrackedDetention: GetTrackedDetention) {}

  @Get(':detentionId')
  @Roles('spip', 'admin')
  async get(@Param('detentionId', new ParseUUIDPipe()) detentionId: string, @CurrentUser() user: AuthenticatedUser): Promise<TrackedDetentionResponse> {
    return TrackedDetentionResponse.from(await this.getTrackedDetention.execute(detentionId, user));
  }
}
