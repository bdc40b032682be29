import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { violationsOf } from '@passerelle/contracts';

/**
 * Request bodies and queries are validated against their classes; unknown fields are refused.
 * The 400 names each field and the rule it broke.
 */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const violations = violationsOf(errors);
      return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: violations.map((v) => v.message), violations });
    },
  });
}
