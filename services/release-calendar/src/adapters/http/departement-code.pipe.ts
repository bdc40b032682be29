import { BadRequestException, PipeTransform } from '@nestjs/common';
import { isDepartementCode } from '@passerelle/contracts';

/** A département code in the path: 01–95 (without 20), 2A, 2B, 971–976, else 400. */
export class DepartementCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isDepartementCode(value)) {
      throw new BadRequestException({
        statusCode: 400, error: 'Bad Request', message: [`code must be a département code`],
        violations: [{ field: 'code', rule: 'isDepartementCode', message: 'code must be a département code (01–95, 2A, 2B, 971–976)' }],
      });
    }
    return value;
  }
}
