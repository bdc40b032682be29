import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { GetDailyIndicators } from '../../application/get-daily-indicators.use-case';
import { DailyIndicatorResponse } from './daily-indicator.response';
import { IndicatorsErrorsFilter } from './indicators-errors.filter';
import { IndicatorsQuery } from './indicators.request';

@ApiTags('indicators')
@ApiBearerAuth()
@UseFilters(IndicatorsErrorsFilter)
@Controller('v1/indicators')
export class IndicatorsController {
  constructor(private readonly getDailyIndicators: GetDailyIndicators) {}

  /** Daily figures of one département; days without any registration are left out. */
  @Get()
  @Roles('prefecture', 'admin')
  @ApiOkResponse({ type: DailyIndicatorResponse, isArray: true })
  async list(@Query() query: IndicatorsQuery, @CurrentUser() user: AuthenticatedUser): Promise<DailyIndicatorResponse[]> {
    return (await this.getDailyIndicators.execute(query, user)).map(DailyIndicatorResponse.from);
  }
}
