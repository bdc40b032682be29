import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { DetentionNotFoundError, DetentionOutOfTerritoryError } from '../../application/get-detention.use-case';
import { DuplicateEcrouError } from '../../application/ports/detention.repository';
import { InvalidSettingsError } from '../../domain/departement-settings';
import { DetentionNotIncarceratedError, DetentionRuleError } from '../../domain/detention.errors';

type KnownError =
  | DetentionRuleError | DuplicateEcrouError | DetentionNotFoundError | DetentionOutOfTerritoryError | DetentionNotIncarceratedError | InvalidSettingsError;

/** Domain and application errors become 4xx answers that name the field and the rule. */
@Catch(DetentionRuleError, DuplicateEcrouError, DetentionNotFoundError, DetentionOutOfTerritoryError, DetentionNotIncarceratedError, InvalidSettingsError)
export class DetentionErrorsFilter implements ExceptionFilter<KnownError> {
  catch(error: KnownError, host: ArgumentsHost): void {
    const [status, body] = describe(error);
    host.switchToHttp().getResponse<Response>().status(status).json({ statusCode: status, message: error.message, ...body });
  }
}

function describe(error: KnownError): [number, object] {
  if (error instanceof DetentionRuleError || error instanceof InvalidSettingsError) {
    return [HttpStatus.UNPROCESSABLE_ENTITY, { error: 'Unprocessable Entity', violations: [{ field: error.field, rule: error.rule, message: error.message }] }];
  }
  if (error instanceof DuplicateEcrouError) {
    return [HttpStatus.CONFLICT, { error: 'Conflict', violations: [{ field: 'ecrou', rule: 'uniquePerEstablishment', message: error.message }] }];
  }
  if (error instanceof DetentionOutOfTerritoryError) return [HttpStatus.FORBIDDEN, { error: 'Forbidden' }];
  if (error instanceof DetentionNotIncarceratedError) {
    return [HttpStatus.CONFLICT, { error: 'Conflict', violations: [{ field: 'status', rule: 'incarcerated', message: error.message }] }];
  }
  return [HttpStatus.NOT_FOUND, { error: 'Not Found' }];
}
