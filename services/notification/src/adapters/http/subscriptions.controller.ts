import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { SubscriptionCommands, SubscriptionView } from '../../application/webhooks/subscription-commands.use-case';
import { WebhookErrorsFilter } from './webhook-errors.filter';
import { CreateSubscriptionRequest, HistoryQuery, ReplayRequest } from './webhook.requests';

const Id = () => Param('id', new ParseUUIDPipe());

/** Webhook endpoints of the SPIPs and partners: their own, signed, with a delivery history. */
@ApiTags('webhooks')
@ApiBearerAuth()
@UseFilters(WebhookErrorsFilter)
@Roles('spip', 'siao', 'structure', 'prefecture', 'admin')
@Controller('v1')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionCommands) {}

  /** The signing secret is in this answer only: keep it. */
  @Post('subscriptions')
  create(@Body() request: CreateSubscriptionRequest, @CurrentUser() user: AuthenticatedUser) {
    return this.subscriptions.create({ ...request, eventTypes: [...request.eventTypes], departements: [...request.departements] }, user);
  }

  /** What Passerelle has to tell the caller about their endpoints (one was disabled, say), newest first. */
  @Get('notices')
  notices(@Query() query: HistoryQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.subscriptions.noticesOf(user, query.limit);
  }

  @Get('subscriptions')
  list(@CurrentUser() user: AuthenticatedUser): Promise<SubscriptionView[]> {
    return this.subscriptions.list(user);
  }

  @Get('subscriptions/:id')
  get(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<SubscriptionView> {
    return this.subscriptions.get(id, user);
  }

  @Post('subscriptions/:id/pause')
  @HttpCode(200)
  pause(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<SubscriptionView> {
    return this.subscriptions.pause(id, user);
  }

  @Post('subscriptions/:id/resume')
  @HttpCode(200)
  resume(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<SubscriptionView> {
    return this.subscriptions.resume(id, user);
  }

  /** A new secret, shown once; the previous one keeps signing beside it for the grace period. */
  @Post('subscriptions/:id/secret-rotation')
  @HttpCode(200)
  rotate(@Id() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.subscriptions.rotateSecret(id, user);
  }

  @Delete('subscriptions/:id')
  @HttpCode(204)
  delete(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.subscriptions.delete(id, user);
  }

  @Get('subscriptions/:id/deliveries')
  history(@Id() id: string, @Query() query: HistoryQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.subscriptions.history(id, query.status, query.limit, user);
  }

  @Post('subscriptions/:id/replay')
  @HttpCode(200)
  replayFailed(@Id() id: string, @Body() request: ReplayRequest, @CurrentUser() user: AuthenticatedUser) {
    return this.subscriptions.replayFailedSince(id, new Date(request.since), user);
  }

  @Post('deliveries/:id/replay')
  @HttpCode(200)
  replay(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.subscriptions.replayDelivery(id, user);
  }
}
