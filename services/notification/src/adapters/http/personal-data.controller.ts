import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { PersonalDataExport, RetentionReport } from '@passerelle/service-kit';
import { EraseClosedCases } from '../../application/erase-closed-cases.use-case';
import { ExportPersonalData } from '../../application/export-personal-data.use-case';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin')
export class PersonalDataController {
  constructor(private readonly erase: EraseClosedCases, private readonly exporter: ExportPersonalData) {}

  /** Pseudonymises the webhook deliveries finished more than RETENTION_MONTHS ago now (it also runs by itself); safe to call twice. */
  @Post('retention-sweep')
  @HttpCode(200)
  @Roles('admin')
  sweep(): Promise<RetentionReport> {
    return this.erase.run();
  }

  /** Everything held on one person (subject-access request); audited. */
  @Get('people/:personId/export')
  @Roles('admin')
  export(@CurrentUser() user: AuthenticatedUser, @Param('personId', new ParseUUIDPipe()) personId: string): Promise<PersonalDataExport> {
    return this.exporter.execute(user, personId);
  }
}
