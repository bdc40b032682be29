import { Controller, Get, MessageEvent, Query, Sse, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { filter, map, merge, Observable } from 'rxjs';
import { assertMayActOn, AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { GetDailyIndicators } from '../../application/get-daily-indicators.use-case';
import { GetOutlook } from '../../application/get-outlook.use-case';
import { DayFigures } from '../../application/ports/indicator.repository';
import { PgIndicatorChanges } from '../live/indicator-changes.pg';
import { IndicatorsErrorsFilter } from './indicators-errors.filter';
import { IndicatorsQuery, IndicatorStreamQuery, OutlookQuery } from './indicators.request';
import { OutlookResponse } from './outlook.response';

@ApiTags('indicators')
@ApiBearerAuth()
@UseFilters(IndicatorsErrorsFilter)
@Roles('prefecture', 'admin')
@Controller('v1/indicators')
export class IndicatorsController {
  constructor(
    private readonly getDailyIndicators: GetDailyIndicators,
    private readonly getOutlook: GetOutlook,
    private readonly changes: PgIndicatorChanges,
  ) {}

  /** The figures of each day of the period: flows counted that day, stocks as they stood that day. Figures only. */
  @Get()
  list(@Query() query: IndicatorsQuery, @CurrentUser() user: AuthenticatedUser): Promise<DayFigures[]> {
    return this.getDailyIndicators.execute(query, user);
  }

  /** The next 12 weeks, from the one holding today: releases expected, those without placement, reserved places free, the gap. */
  @Get('outlook')
  @ApiOkResponse({ type: OutlookResponse })
  outlook(@Query() query: OutlookQuery, @CurrentUser() user: AuthenticatedUser): Promise<OutlookResponse> {
    return this.getOutlook.execute(query, user);
  }

  /**
   * Server-Sent Events, in the caller's départements (or the one asked): each change of a day's
   * figures (`event: indicators`) and of an outlook (`event: outlook`).
   */
  @Sse('stream')
  stream(@Query() query: IndicatorStreamQuery, @CurrentUser() user: AuthenticatedUser): Observable<MessageEvent> {
    if (query.departement) assertMayActOn(user, query.departement);
    const wanted = (departement: string) => (query.departement ? departement === query.departement : user.mayActOn(departement));
    return merge(
      this.changes.stream.pipe(
        filter((figures) => wanted(figures.departement)),
        map((figures) => ({ type: 'indicators', id: `${figures.departement}/${figures.day}`, data: figures })),
      ),
      this.changes.outlookStream.pipe(
        filter((outlook) => wanted(outlook.departement)),
        map((outlook) => ({ type: 'outlook', id: `${outlook.departement}/outlook/${outlook.asOf}`, data: outlook })),
      ),
    );
  }
}
