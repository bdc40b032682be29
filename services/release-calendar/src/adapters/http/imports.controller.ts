import { BadRequestException, Body, Controller, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@passerelle/auth';
import { ImportDetentions, ImportReport } from '../../application/import-detentions.use-case';
import { DetentionErrorsFilter } from './detention-errors.filter';
import { MalformedCsvError, readRegistryCsv, REGISTRY_COLUMNS } from './registry-csv';

@ApiTags('imports')
@ApiBearerAuth()
@UseFilters(DetentionErrorsFilter)
@Controller('v1/imports')
export class ImportsController {
  constructor(private readonly importDetentions: ImportDetentions) {}

  /** The registry export as `text/csv`; the report lists created, updated, unchanged and rejected rows with reasons. */
  @Post()
  @HttpCode(200)
  @Roles('spip', 'admin')
  @ApiConsumes('text/csv')
  @ApiBody({ description: `CSV with the header ${REGISTRY_COLUMNS.join(';')}`, schema: { type: 'string' } })
  async import(@Body() csv: unknown, @CurrentUser() user: AuthenticatedUser): Promise<ImportReport> {
    if (typeof csv !== 'string' || csv.length === 0) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: ['send the export as a text/csv body'] });
    }
    try {
      const { rows, rejected } = readRegistryCsv(csv);
      return await this.importDetentions.execute(rows, rejected, user);
    } catch (error) {
      if (error instanceof MalformedCsvError) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [error.message] });
      throw error;
    }
  }
}
