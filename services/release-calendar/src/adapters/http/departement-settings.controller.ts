import { Body, Controller, Get, Param, Put, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { ManageDepartementSettings } from '../../application/departement-settings.use-case';
import { DepartementSettings } from '../../domain/departement-settings';
import { DepartementCodePipe } from './departement-code.pipe';
import { DepartementSettingsRequest } from './departement-settings.request';
import { DetentionErrorsFilter } from './detention-errors.filter';

@ApiTags('departements')
@ApiBearerAuth()
@UseFilters(DetentionErrorsFilter)
@Controller('v1/departements/:code/settings')
export class DepartementSettingsController {
  constructor(private readonly settings: ManageDepartementSettings) {}

  @Get()
  @Roles('spip', 'siao', 'admin')
  read(@Param('code', DepartementCodePipe) code: string, @CurrentUser() user: AuthenticatedUser): Promise<DepartementSettings> {
    return this.settings.read(code, user);
  }

  @Put()
  @Roles('siao', 'admin')
  update(
    @Param('code', DepartementCodePipe) code: string,
    @Body() request: DepartementSettingsRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DepartementSettings> {
    return this.settings.update(code, request.windowMonths, request.milestoneDays, user);
  }
}
