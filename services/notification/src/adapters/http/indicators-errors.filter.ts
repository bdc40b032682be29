import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { IndicatorsOutOfTerritoryError } from '../../application/get-daily-indicators.use-case';
import { IndicatorPeriodError } from '../../domain/daily-indicator.errors';

type KnownError = IndicatorPeriodError | IndicatorsOutOfTerritoryError;

/** A bad period is a 400 naming the field and the rule; another territory is a 403. */
@Catch(IndicatorPeriodError, IndicatorsOutOfTerritoryError)
export class IndicatorsErrorsFilter implements ExceptionFilter<KnownError> {
  catch(error: KnownError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof IndicatorsOutOfTerritoryError) {
      response.status(HttpStatus.FORBIDDEN).json({ statusCode: HttpStatus.FORBIDDEN, error: 'Forbidden', message: error.message });
      return;
    }
    response.status(HttpStatus.BAD_REQUEST).json({
      statusCode: HttpStatus.BAD_REQUEST,
      error: 'Bad Request',
      message: [error.message],
      violations: [{ field: error.field, rule: error.rule, message: error.message }],
    });
  }
}
