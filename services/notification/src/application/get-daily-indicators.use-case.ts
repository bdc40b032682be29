import { Inject, Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@passerelle/auth';
import { UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { IndicatorPeriod } from '../domain/daily-indicator';
import { DayFigures, INDICATOR_REPOSITORY, IndicatorRepository } from './ports/indicator.repository';

export class IndicatorsOutOfTerritoryError extends Error {
  constructor(readonly departement: string) {
    super(`not allowed for département ${departement}`);
    this.name = 'IndicatorsOutOfTerritoryError';
  }
}

/** Reads a département's figures of each day for a user of that territory. Figures only, so no audit row. */
@Injectable()
export class GetDailyIndicators {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(INDICATOR_REPOSITORY) private readonly indicators: IndicatorRepository,
  ) {}

  execute(query: { departement: string; from: string; to: string }, actor: AuthenticatedUser): Promise<DayFigures[]> {
    if (!actor.mayActOn(query.departement)) throw new IndicatorsOutOfTerritoryError(query.departement);
    const period = IndicatorPeriod.of(query.from, query.to);
    return this.unitOfWork.run((tx) => this.indicators.figures(tx, query.departement, period.from, period.to));
  }
}
