import { Inject, Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@passerelle/auth';
import { UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { DailyIndicator, IndicatorPeriod } from '../domain/daily-indicator';
import { DAILY_INDICATOR_REPOSITORY, DailyIndicatorRepository } from './ports/daily-indicator.repository';

export class IndicatorsOutOfTerritoryError extends Error {
  constructor(readonly departement: string) {
    super(`not allowed for département ${departement}`);
    this.name = 'IndicatorsOutOfTerritoryError';
  }
}

/** Reads a département's daily figures for a user of that territory. Figures only, so no audit row. */
@Injectable()
export class GetDailyIndicators {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DAILY_INDICATOR_REPOSITORY) private readonly indicators: DailyIndicatorRepository,
  ) {}

  execute(query: { departement: string; from: string; to: string }, actor: AuthenticatedUser): Promise<DailyIndicator[]> {
    if (!actor.mayActOn(query.departement)) throw new IndicatorsOutOfTerritoryError(query.departement);
    const period = IndicatorPeriod.of(query.from, query.to);
    return this.unitOfWork.run((tx) => this.indicators.findForPeriod(tx, query.departement, period));
  }
}
