import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { AdmissionCommands } from '../../application/admission-commands.use-case';
import { HousingQueries } from '../../application/housing-queries.use-case';
import { StructureRequestView } from '../../application/housing-request-view';
import { PlacementState } from '../../domain/placement';
import { HousingErrorsFilter } from './housing-errors.filter';
import { EntryRequest, PreAdmissionRequest, StructureRefusalRequest } from './housing.requests';

const Id = () => Param('id', new ParseUUIDPipe());

/** From orientation to entry: the structures answer, the SIAO confirms, the structures record the entry. */
@ApiTags('admission')
@ApiBearerAuth()
@UseFilters(HousingErrorsFilter)
@Controller('v1')
export class AdmissionController {
  constructor(
    private readonly queries: HousingQueries,
    private readonly admission: AdmissionCommands,
  ) {}

  /** A request as the caller may see it: whole for its SIAO, cut to what a structure needs for a structure. */
  @Get('requests/:id')
  @Roles('siao', 'structure', 'admin')
  request(@Id() id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.queries.request(id, user);
  }

  /** The requests oriented to the caller's structure, with no offence details. */
  @Get('oriented-requests')
  @Roles('structure')
  orientedToMe(@CurrentUser() user: AuthenticatedUser): Promise<StructureRequestView[]> {
    return this.queries.orientedToMe(user);
  }

  @Post('requests/:id/pre-admissions')
  @Roles('structure', 'admin')
  preAdmit(@Id() id: string, @Body() request: PreAdmissionRequest, @CurrentUser() user: AuthenticatedUser): Promise<PlacementState> {
    return this.admission.preAdmit(id, request.structureId, request.entryDate, user);
  }

  @Post('requests/:id/pre-admission-refusals')
  @Roles('structure', 'admin')
  refuse(@Id() id: string, @Body() request: StructureRefusalRequest, @CurrentUser() user: AuthenticatedUser): Promise<PlacementState> {
    return this.admission.refuse(id, request.structureId, request.reason, user);
  }

  @Post('placements/:id/confirmation')
  @HttpCode(200)
  @Roles('siao', 'admin')
  confirm(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<PlacementState> {
    return this.admission.confirm(id, user);
  }

  @Post('placements/:id/declined-by-person')
  @HttpCode(200)
  @Roles('siao', 'admin')
  decline(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<PlacementState> {
    return this.admission.declineByPerson(id, user);
  }

  @Post('placements/:id/entry')
  @HttpCode(200)
  @Roles('structure', 'admin')
  enter(@Id() id: string, @Body() request: EntryRequest, @CurrentUser() user: AuthenticatedUser): Promise<PlacementState> {
    return this.admission.enter(id, request.enteredOn, user);
  }

  @Post('placements/:id/no-show')
  @HttpCode(200)
  @Roles('structure', 'admin')
  noShow(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<PlacementState> {
    return this.admission.noShow(id, user);
  }
}
