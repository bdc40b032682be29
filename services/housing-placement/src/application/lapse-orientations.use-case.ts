import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@passerelle/auth';
import { createLogger } from '@passerelle/observability';
import { UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { HousingStore } from './housing-store';
import { Places } from './places';
import { HOUSING_REQUEST_REPOSITORY, HousingRequestRepository } from './ports/housing-request.repository';

const BATCH = 200;
const logger = createLogger('housing-placement').child({ component: 'lapse-sweep' });

/**
 * Orientations not taken within three months lapse: their proposals are cancelled and their
 * places given back. One transaction per request, so a failure stops nothing else.
 */
@Injectable()
export class LapseOrientations {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(HOUSING_REQUEST_REPOSITORY) private readonly requests: HousingRequestRepository,
    private readonly store: HousingStore,
    private readonly places: Places,
    private readonly audit: AuditTrail,
  ) {}

  async run(): Promise<{ today: string; lapsed: number }> {
    const today = this.places.today();
    let lapsed = 0;
    for (let afterId = ''; ; ) {
      const ids = await this.unitOfWork.run((tx) => this.requests.idsLapsingBefore(tx, today, afterId, BATCH));
      for (const id of ids) {
        lapsed += await this.lapse(id, today).catch((error) => {
          logger.error({ err: error, requestId: id }, 'orientation not lapsed; the next sweep tries again');
          return 0;
        });
      }
      if (ids.length < BATCH) return { today, lapsed };
      afterId = ids[ids.length - 1];
    }
  }

  private lapse(id: string, today: string): Promise<number> {
    return this.unitOfWork.run(async (tx) => {
      const request = await this.requests.lockById(tx, id);
      const changes = request?.lapseIfDue(today) ?? [];
      if (!request || changes.length === 0) return 0;
      await this.store.cancelOpenPlacements(tx, request, 'orientation_lapsed');
      await this.store.saveRequest(tx, request, changes);
      const { personId } = request.snapshot();
      await this.audit.record(tx, { actor: 'system', action: 'update', resourceType: 'housing_request', resourceId: id, personId });
      return 1;
    });
  }
}
