import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { ReferralNotFoundError } from '../../application/referral-access';
import { ReferralRuleError, ReferralStateError } from '../../domain/referral-errors';

type KnownError = ReferralRuleError | ReferralStateError | ReferralNotFoundError;

/** Domain and application errors become 404, 409 and 422 answers that name the field and the rule. */
@Catch(ReferralRuleError, ReferralStateError, ReferralNotFoundError)
export class ReferralErrorsFilter implements ExceptionFilter<KnownError> {
  catch(error: KnownError, host: ArgumentsHost): void {
    const [status, body] = describe(error);
    host.switchToHttp().getResponse<Response>().status(status).json({ statusCode: status, message: error.message, ...body });
  }
}

function describe(error: KnownError): [number, object] {
  if (error instanceof ReferralRuleError) return [HttpStatus.UNPROCESSABLE_ENTITY, { error: 'Unprocessable Entity', violations: error.violations }];
  if (error instanceof ReferralStateError) {
    return [HttpStatus.CONFLICT, { error: 'Conflict', violations: [{ field: 'status', rule: 'allowsThisStep', message: error.message }] }];
  }
  return [HttpStatus.NOT_FOUND, { error: 'Not Found' }];
}
