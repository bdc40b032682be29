import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@passerelle/auth';
import { CLOCK, Clock, RetentionReport, retentionMonthsFromEnv, sweepClosedCases, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { PERSONAL_DATA_REPOSITORY, PersonalDataRepository } from './ports/personal-data.repository';

/**
 * Takes what names a person out of the webhook deliveries finished more than RETENTION_MONTHS ago
 * (24 by default); the figures hold no one and stay. Idempotent, batched, audited, nothing published.
 */
@Injectable()
export class EraseClosedCases {
  private readonly months = retentionMonthsFromEnv();

  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(PERSONAL_DATA_REPOSITORY) private readonly personalData: PersonalDataRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  run(): Promise<RetentionReport> {
    return sweepClosedCases({
      unitOfWork: this.unitOfWork, audit: this.audit, clock: this.clock, eraser: this.personalData, resourceType: 'webhook_delivery', months: this.months,
    });
  }
}
