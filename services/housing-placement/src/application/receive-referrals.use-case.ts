import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@passerelle/auth';
import { WithdrawalReasonName } from '@passerelle/contracts';
import { Transaction } from '@passerelle/service-kit';
import { entryWindowOf } from '../domain/entry-window';
import { HousingRequest, Submission } from '../domain/housing-request';
import { HousingStore } from './housing-store';
import { Places } from './places';
import { HOUSING_REQUEST_REPOSITORY, HousingRequestRepository } from './ports/housing-request.repository';
import { PLACEMENT_REPOSITORY, PlacementRepository } from './ports/placement.repository';

/**
 * The SPIP's side, as referral reports it: a submitted request arrives at the SIAO of its
 * destination département; a withdrawal drops it; a release date change moves its entry window.
 */
@Injectable()
export class ReceiveReferrals {
  constructor(
    @Inject(HOUSING_REQUEST_REPOSITORY) private readonly requests: HousingRequestRepository,
    @Inject(PLACEMENT_REPOSITORY) private readonly placements: PlacementRepository,
    private readonly store: HousingStore,
    private readonly places: Places,
    private readonly audit: AuditTrail,
  ) {}

  async submitted(tx: Transaction, submission: Omit<Submission, 'id'>): Promise<void> {
    const today = this.places.today();
    const known = await this.requests.lockByReferral(tx, submission.referralId);
    if (known) {
      await this.store.saveRequest(tx, known, known.resubmitted({ ...submission, id: known.snapshot().id }, today));
      return this.recordAudit(tx, known, 'update');
    }
    const { request, changes } = HousingRequest.receive({ ...submission, id: randomUUID() }, today);
    await this.store.saveRequest(tx, request, changes, true);
    await this.recordAudit(tx, request, 'create');
  }

  async withdrawn(tx: Transaction, referralId: string, reason: WithdrawalReasonName): Promise<void> {
    const request = await this.requests.lockByReferral(tx, referralId);
    if (!request) return;
    const changes = request.withdraw(reason);
    if (changes.length === 0) return;
    await this.store.cancelOpenPlacements(tx, request, 'request_withdrawn');
    await this.store.saveRequest(tx, request, changes);
    await this.recordAudit(tx, request, 'update');
  }

  async releaseDateChanged(tx: Transaction, referralId: string, expectedReleaseDate: string, urgent: boolean): Promise<void> {
    const request = await this.requests.lockByReferral(tx, referralId);
    if (!request) return;
    await this.store.saveRequest(tx, request, request.releaseDateMoved(expectedReleaseDate, urgent));
    const window = entryWindowOf(expectedReleaseDate);
    for (const placement of await this.placements.lockOfRequest(tx, request.snapshot().id)) {
      await this.store.savePlacement(tx, request, placement, placement.checkWindow(window));
    }
    await this.recordAudit(tx, request, 'update');
  }

  private async recordAudit(tx: Transaction, request: HousingRequest, action: string): Promise<void> {
    const state = request.snapshot();
    await this.audit.record(tx, { actor: 'system', action, resourceType: 'housing_request', resourceId: state.id, personId: state.personId });
  }
}
