import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@passerelle/auth';
import { CLOCK, Clock, RetentionReport, retentionMonthsFromEnv, sweepClosedCases, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { PERSONAL_DATA_REPOSITORY, PersonalDataRepository } from './ports/personal-data.repository';

/**
 * Erases the identity, the file and the consent of SIAO requests closed or withdrawn more than
 * RETENTION_MONTHS ago (24 by default). Idempotent: an erased request is never due again; batched,
 * audited, nothing published.
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
      unitOfWork: this.unitOfWork, audit: this.audit, clock: this.clock, eraser: this.personalData, resourceType: 'referral', months: this.months,
    });
  }
}
