import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { TrackedDetentionNotFoundError, TrackedDetentionOutOfTerritoryError } from '../../application/get-tracked-detention.use-case';

type KnownError = TrackedDetentionNotFoundError | TrackedDetentionOutOfTerritoryError;

/** Application errors become 403 and 404 answers. */
@Catch(TrackedDetentionNotFoundError, TrackedDetentionOutOfTerritoryError)
export class TrackedDetentionErrorsFilter implements ExceptionFilter<KnownError> {
  catch(error: KnownError, host: ArgumentsHost): void {
    const [status, label] = error instanceof TrackedDetentionOutOfTerritoryError ? [HttpStatus.FORBIDDEN, 'Forbidden'] : [HttpStatus.NOT_FOUND, 'Not Found'];
    host.switchToHttp().getResponse<Response>().status(status).json({ statusCode: status, error: label, message: error.message });
  }
}
