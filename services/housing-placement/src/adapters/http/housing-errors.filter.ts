import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { HousingNotFoundError } from '../../application/access';
import { HousingConflictError, HousingRuleError } from '../../domain/housing-errors';

type KnownError = HousingRuleError | HousingConflictError | HousingNotFoundError;

/** Domain and application errors become 404, 409 and 422 answers that name the field and the rule. */
@Catch(HousingRuleError, HousingConflictError, HousingNotFoundError)
export class HousingErrorsFilter implements ExceptionFilter<KnownError> {
  catch(error: KnownError, host: ArgumentsHost): void {
    const [status, body] = describe(error);
    host.switchToHttp().getResponse<Response>().status(status).json({ statusCode: status, message: error.message, ...body });
  }
}

function describe(error: KnownError): [number, object] {
  if (error instanceof HousingRuleError) return [HttpStatus.UNPROCESSABLE_ENTITY, { error: 'Unprocessable Entity', violations: error.violations }];
  if (error instanceof HousingConflictError) {
    return [HttpStatus.CONFLICT, { error: 'Conflict', violations: [{ field: error.field, rule: error.rule, message: error.message }] }];
  }
  return [HttpStatus.NOT_FOUND, { error: 'Not Found' }];
}
