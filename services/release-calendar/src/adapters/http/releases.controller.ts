import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { ReleaseDetentions, ReleasesReport } from '../../application/release-detentions.use-case';
import { ReleasesReportRequest } from './releases.request';

/** The greffe's report of the day's releases: each is recorded or refused with its reason, in one call. */
@ApiTags('detentions')
@ApiBearerAuth()
@Controller('v1/releases')
export class ReleasesController {
  constructor(private readonly releaseDetentions: ReleaseDetentions) {}

  @Post()
  @HttpCode(200)
  @Roles('spip', 'admin')
  report(@Body() request: ReleasesReportRequest, @CurrentUser() user: AuthenticatedUser): Promise<ReleasesReport> {
    return this.releaseDetentions.execute(request.releases, user);
  }
}
