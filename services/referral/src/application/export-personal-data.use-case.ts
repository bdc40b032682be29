import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { CLOCK, Clock, exportPerson, PersonalDataExport, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { PERSONAL_DATA_REPOSITORY, PersonalDataRepository } from './ports/personal-data.repository';

/** Everything referral holds on one person, for a subject-access request; the export is audited. */
@Injectable()
export class ExportPersonalData {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(PERSONAL_DATA_REPOSITORY) private readonly personalData: PersonalDataRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  execute(user: AuthenticatedUser, personId: string): Promise<PersonalDataExport> {
    return exportPerson({
      unitOfWork: this.unitOfWork, audit: this.audit, clock: this.clock, service: 'referral',
      rowsOf: (tx, id) => this.personalData.rowsOf(tx, id),
    }, user, personId);
  }
}
