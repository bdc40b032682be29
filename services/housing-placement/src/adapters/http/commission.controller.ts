import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { addDays } from '@passerelle/domain-kernel';
import { assertMayActOn, AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { CommissionCommands } from '../../application/commission-commands.use-case';
import { HousingQueries, QueuePage } from '../../application/housing-queries.use-case';
import { HousingRequestView } from '../../application/housing-request-view';
import { Places } from '../../application/places';
import { CommissionSessionState } from '../../domain/commission-session';
import { decisionOf } from './decision-of';
import { HousingErrorsFilter } from './housing-errors.filter';
import { AgendaRequest, DecisionRequest, PlanSessionRequest, QueueQuery, ReturnRequest, SessionsQuery } from './housing.requests';

const Id = () => Param('id', new ParseUUIDPipe());

/** The SIAO commission: its review queue, its sessions and their agenda, its decisions. */
@ApiTags('commission')
@ApiBearerAuth()
@UseFilters(HousingErrorsFilter)
@Roles('siao', 'admin')
@Controller('v1')
export class CommissionController {
  constructor(
    private readonly queries: HousingQueries,
    private readonly commands: CommissionCommands,
    private readonly places: Places,
  ) {}

  /** Requests awaiting the commission, the nearest release first, each with the places that fit. */
  @Get('queue')
  queue(@Query() query: QueueQuery, @CurrentUser() user: AuthenticatedUser): Promise<QueuePage> {
    assertMayActOn(user, query.departement);
    return this.queries.queue(query.departement, query.page, query.pageSize, user);
  }

  @Post('requests/:id/return')
  @HttpCode(200)
  returnIncomplete(@Id() id: string, @Body() request: ReturnRequest, @CurrentUser() user: AuthenticatedUser): Promise<HousingRequestView> {
    return this.commands.returnIncomplete(id, request.missing, user);
  }

  @Post('sessions')
  plan(@Body() request: PlanSessionRequest, @CurrentUser() user: AuthenticatedUser): Promise<CommissionSessionState> {
    assertMayActOn(user, request.departement);
    return this.commands.plan({ ...request, members: [...request.members] }, user);
  }

  @Get('sessions')
  list(@Query() query: SessionsQuery, @CurrentUser() user: AuthenticatedUser): Promise<CommissionSessionState[]> {
    if (query.departement) assertMayActOn(user, query.departement);
    return this.queries.sessionsOf(user, query.departement, query.from ?? addDays(this.places.today(), -30));
  }

  @Get('sessions/:id')
  get(@Id() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.queries.session(id, user);
  }

  @Post('sessions/:id/agenda')
  @HttpCode(200)
  schedule(@Id() id: string, @Body() request: AgendaRequest, @CurrentUser() user: AuthenticatedUser): Promise<HousingRequestView[]> {
    return this.commands.schedule(id, [...request.requestIds], user);
  }

  @Post('sessions/:id/decisions')
  @HttpCode(200)
  decide(@Id() id: string, @Body() request: DecisionRequest, @CurrentUser() user: AuthenticatedUser): Promise<HousingRequestView> {
    return this.commands.decide(id, request.requestId, decisionOf(request), user);
  }
}
