import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { SubscriptionNotFoundError } from '../../application/webhooks/subscription-commands.use-case';
import { SubscriptionRuleError } from '../../domain/webhooks/subscription';

type KnownError = SubscriptionRuleError | SubscriptionNotFoundError;

/** A broken rule is a 422 naming the field; someone else's subscription or delivery is a 404. */
@Catch(SubscriptionRuleError, SubscriptionNotFoundError)
export class WebhookErrorsFilter implements ExceptionFilter<KnownError> {
  catch(error: KnownError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof SubscriptionNotFoundError) {
      response.status(HttpStatus.NOT_FOUND).json({ statusCode: HttpStatus.NOT_FOUND, error: 'Not Found', message: error.message });
      return;
    }
    response.status(HttpStatus.UNPROCESSABLE_ENTITY).json({
      statusCode: HttpStatus.UNPROCESSABLE_ENTITY, error: 'Unprocessable Entity', message: error.message,
      violations: [{ field: error.field, rule: error.rule, message: error.message }],
    });
  }
}
