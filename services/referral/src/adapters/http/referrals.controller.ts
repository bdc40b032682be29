import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { ReferralCommands } from '../../application/referral-commands.use-case';
import { ReferralQueries } from '../../application/referral-queries.use-case';
import { ReferralErrorsFilter } from './referral-errors.filter';
import {
  ConsentRequest, ConsentWithdrawalRequest, ListAlertsRequest, ListReferralsRequest, UpdateFileRequest, WithdrawalRequest,
} from './referral.requests';
import { AlertListItemResponse, ReferralPageResponse, ReferralResponse, ReferralWithTimelineResponse } from './referral.response';

const Id = () => Param('id', new ParseUUIDPipe());

@ApiTags('referrals')
@ApiBearerAuth()
@UseFilters(ReferralErrorsFilter)
@Controller('v1')
export class ReferralsController {
  constructor(
    private readonly queries: ReferralQueries,
    private readonly commands: ReferralCommands,
  ) {}

  @Get('referrals')
  @Roles('spip', 'siao', 'admin')
  async list(@Query() request: ListReferralsRequest, @CurrentUser() user: AuthenticatedUser): Promise<ReferralPageResponse> {
    const { spip, establishment, ...filters } = request;
    const page = await this.queries.list({ ...filters, spipDepartement: spip, establishmentCode: establishment }, user);
    return { ...page, items: page.items.map(ReferralResponse.from) };
  }

  @Get('referrals/:id')
  @Roles('spip', 'siao', 'admin')
  async get(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<ReferralWithTimelineResponse> {
    return ReferralWithTimelineResponse.withTimeline(await this.queries.get(id, user));
  }

  @Patch('referrals/:id')
  @Roles('spip', 'admin')
  async complete(@Id() id: string, @Body() request: UpdateFileRequest, @CurrentUser() user: AuthenticatedUser): Promise<ReferralResponse> {
    return ReferralResponse.from(await this.commands.updateFile(id, { ...request }, user));
  }

  @Put('referrals/:id/consent')
  @Roles('spip', 'admin')
  async recordConsent(@Id() id: string, @Body() request: ConsentRequest, @CurrentUser() user: AuthenticatedUser): Promise<ReferralResponse> {
    return ReferralResponse.from(await this.commands.recordConsent(id, request, user));
  }

  @Post('referrals/:id/consent/withdrawal')
  @HttpCode(200)
  @Roles('spip', 'admin')
  async withdrawConsent(@Id() id: string, @Body() request: ConsentWithdrawalRequest, @CurrentUser() user: AuthenticatedUser): Promise<ReferralResponse> {
    return ReferralResponse.from(await this.commands.withdrawConsent(id, request.withdrawnOn, user));
  }

  @Post('referrals/:id/submission')
  @HttpCode(200)
  @Roles('spip', 'admin')
  async submit(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<ReferralResponse> {
    return ReferralResponse.from(await this.commands.submit(id, user));
  }

  @Post('referrals/:id/withdrawal')
  @HttpCode(200)
  @Roles('spip', 'admin')
  async withdraw(@Id() id: string, @Body() request: WithdrawalRequest, @CurrentUser() user: AuthenticatedUser): Promise<ReferralResponse> {
    return ReferralResponse.from(await this.commands.withdraw(id, request.reason, user));
  }

  @Get('alerts')
  @Roles('spip', 'siao', 'admin')
  async alerts(@Query() request: ListAlertsRequest, @CurrentUser() user: AuthenticatedUser): Promise<AlertListItemResponse[]> {
    return (await this.queries.openAlerts(user, request.kind)).map(AlertListItemResponse.from);
  }
}
