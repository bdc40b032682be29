import { Controller, Get, MessageEvent, Query, Sse, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { filter, map, Observable } from 'rxjs';
import { assertMayActOn, AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { GetDailyIndicators } from '../../application/get-daily-indicators.use-case';
import { DayFigures } from '../../application/ports/indicator.repository';
import { PgIndicatorChanges } from '../live/indicator-changes.pg';
import { IndicatorsErrorsFilter } from './indicators-errors.filter';
import { IndicatorsQuery, IndicatorStreamQuery } from './indicators.request';

@ApiTags('indicators')
@ApiBearerAuth()
@UseFilters(IndicatorsErrorsFilter)
@Roles('prefecture', 'admin')
@Controller('v1/indicators')
export class IndicatorsController {
  constructor(
    private readonly getDailyIndicators: GetDailyIndicators,
    private readonly changes: PgIndicatorChanges,
  ) {}

  /** The figures of each day of the period: flows counted that day, stocks as they stood that day. Figures only. */
  @Get()
  list(@Query() query: IndicatorsQuery, @CurrentUser() user: AuthenticatedUser): Promise<DayFigures[]> {
    return this.getDailyIndicators.execute(query, user);
  }

  /** Server-Sent Events: each change of a day's figures, in the caller's départements (or the one asked). */
  @Sse('stream')
  stream(@Query() query: IndicatorStreamQuery, @CurrentUser() user: AuthenticatedUser): Observable<MessageEvent> {
    if (query.departement) assertMayActOn(user, query.departement);
    const wanted = (departement: string) => (query.departement ? departement === query.departement : user.mayActOn(departement));
    return this.changes.stream.pipe(
      filter((figures) => wanted(figures.departement)),
      map((figures) => ({ type: 'indicators', id: `${figures.departement}/${figures.day}`, data: figures })),
    );
  }
}
