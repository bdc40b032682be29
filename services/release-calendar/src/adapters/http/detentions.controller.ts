import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertMayActOn, AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { DetentionCommands } from '../../application/detention-commands.use-case';
import { GetDetention } from '../../application/get-detention.use-case';
import { ListDetentions } from '../../application/list-detentions.use-case';
import { RegisterDetention } from '../../application/register-detention.use-case';
import { ChangeReleaseDateRequest, ReleaseRequest, TransferRequest } from './detention-commands.request';
import { DetentionErrorsFilter } from './detention-errors.filter';
import { DetentionPageResponse, DetentionResponse } from './detention.response';
import { ListDetentionsRequest } from './list-detentions.request';
import { RegisterDetentionRequest } from './register-detention.request';

@ApiTags('detentions')
@ApiBearerAuth()
@UseFilters(DetentionErrorsFilter)
@Controller('v1/detentions')
export class DetentionsController {
  constructor(
    private readonly registerDetention: RegisterDetention,
    private readonly getDetention: GetDetention,
    private readonly commands: DetentionCommands,
    private readonly listDetentions: ListDetentions,
  ) {}

  @Post()
  @Roles('spip', 'admin')
  async register(@Body() request: RegisterDetentionRequest, @CurrentUser() user: AuthenticatedUser): Promise<DetentionResponse> {
    assertMayActOn(user, request.spipDepartement);
    return DetentionResponse.from(await this.registerDetention.execute({ ...request, id: randomUUID() }, user));
  }

  @Get()
  @Roles('spip', 'admin')
  async list(@Query() request: ListDetentionsRequest, @CurrentUser() user: AuthenticatedUser): Promise<DetentionPageResponse> {
    const page = await this.listDetentions.execute(request, user);
    return { ...page, items: page.items.map(DetentionResponse.from) };
  }

  @Get(':id')
  @Roles('spip', 'admin')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser): Promise<DetentionResponse> {
    return DetentionResponse.from(await this.getDetention.execute(id, user));
  }

  @Put(':id/release-date')
  @Roles('spip', 'admin')
  async moveReleaseDate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() request: ChangeReleaseDateRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DetentionResponse> {
    return DetentionResponse.from(await this.commands.changeReleaseDate(id, request.expectedReleaseDate, request.reason, user));
  }

  @Post(':id/release')
  @HttpCode(200)
  @Roles('spip', 'admin')
  async release(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() request: ReleaseRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DetentionResponse> {
    return DetentionResponse.from(await this.commands.release(id, request.releasedOn, request.releaseKind, user));
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @Roles('spip', 'admin')
  async transfer(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() request: TransferRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DetentionResponse> {
    if (request.spipDepartement) assertMayActOn(user, request.spipDepartement);
    return DetentionResponse.from(await this.commands.transfer(id, { ...request }, user));
  }
}
