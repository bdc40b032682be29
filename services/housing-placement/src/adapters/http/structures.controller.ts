import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertMayActOn, AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { StructureCommands } from '../../application/structure-commands.use-case';
import { Closure, Structure } from '../../domain/structure';
import { HousingErrorsFilter } from './housing-errors.filter';
import { AvailabilityQuery, ClosureRequest, DepartementQuery, RegisterStructureRequest, UpdateStructureRequest } from './housing.requests';

const Id = () => Param('id', new ParseUUIDPipe());

@ApiTags('structures')
@ApiBearerAuth()
@UseFilters(HousingErrorsFilter)
@Controller('v1/structures')
export class StructuresController {
  constructor(private readonly structures: StructureCommands) {}

  @Post()
  @Roles('siao', 'admin')
  register(@Body() request: RegisterStructureRequest, @CurrentUser() user: AuthenticatedUser): Promise<Structure> {
    assertMayActOn(user, request.departement);
    return this.structures.register({ ...request, accepts: { ...request.accepts } }, user);
  }

  @Get()
  @Roles('siao', 'admin')
  list(@Query() query: DepartementQuery, @CurrentUser() user: AuthenticatedUser): Promise<Structure[]> {
    assertMayActOn(user, query.departement);
    return this.structures.list(query.departement, user);
  }

  @Get(':id')
  @Roles('siao', 'structure', 'admin')
  get(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<Structure> {
    return this.structures.get(id, user);
  }

  @Patch(':id')
  @Roles('siao', 'admin')
  update(@Id() id: string, @Body() request: UpdateStructureRequest, @CurrentUser() user: AuthenticatedUser): Promise<Structure> {
    const { accepts, ...fields } = request;
    return this.structures.update(id, { ...fields, ...(accepts ? { accepts: { ...accepts } } : {}) }, user);
  }

  @Get(':id/availability')
  @Roles('siao', 'structure', 'admin')
  availability(@Id() id: string, @Query() query: AvailabilityQuery, @CurrentUser() user: AuthenticatedUser) {
    return this.structures.availability(id, query.from, query.to, user);
  }

  @Post(':id/closures')
  @Roles('siao', 'structure', 'admin')
  close(@Id() id: string, @Body() request: ClosureRequest, @CurrentUser() user: AuthenticatedUser): Promise<Closure> {
    return this.structures.closePlaces(id, { ...request }, user);
  }

  @Delete(':id/closures/:closureId')
  @HttpCode(204)
  @Roles('siao', 'structure', 'admin')
  reopen(@Id() id: string, @Param('closureId', new ParseUUIDPipe()) closureId: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.structures.reopenPlaces(id, closureId, user);
  }
}
