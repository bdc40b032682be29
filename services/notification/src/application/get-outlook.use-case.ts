import { Inject, Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@passerelle/auth';
import { Clock, CLOCK, parisDate, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { IndicatorsOutOfTerritoryError } from './get-daily-indicators.use-case';
import { outlookFor } from './outlook-of';
import { Outlook, OUTLOOK_REPOSITORY, OutlookRepository } from './ports/outlook.repository';

/** Reads a département's 12-week outlook, as of today in Europe/Paris, for a user of that territory. Figures only, so no audit row. */
@Injectable()
export class GetOutlook {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(OUTLOOK_REPOSITORY) private readonly outlook: OutlookRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(query: { departement: string }, actor: AuthenticatedUser): Promise<Outlook> {
    if (!actor.mayActOn(query.departement)) throw new IndicatorsOutOfTerritoryError(query.departement);
    const today = parisDate(this.clock.now());
    return this.unitOfWork.run((tx) => outlookFor(tx, this.outlook, query.departement, today));
  }
}
