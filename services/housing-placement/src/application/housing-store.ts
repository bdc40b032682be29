import { Inject, Injectable } from '@nestjs/common';
import { PlacementCancellationReasonName } from '@passerelle/contracts';
import { Transaction } from '@passerelle/service-kit';
import { HousingRequest, RequestChange } from '../domain/housing-request';
import { Placement, PlacementChange } from '../domain/placement';
import { HousingEventPublisher } from './housing-event-publisher';
import { Places } from './places';
import { HOUSING_REQUEST_REPOSITORY, HousingRequestRepository } from './ports/housing-request.repository';
import { PLACEMENT_REPOSITORY, PlacementRepository } from './ports/placement.repository';
import { STRUCTURE_REPOSITORY, StructureRepository } from './ports/structure.repository';

/**
 * Saves requests and placements after a change, in the caller's transaction, with their events
 * in the outbox; a place given back is reported as a capacity change.
 */
@Injectable()
export class HousingStore {
  constructor(
    @Inject(HOUSING_REQUEST_REPOSITORY) private readonly requests: HousingRequestRepository,
    @Inject(PLACEMENT_REPOSITORY) private readonly placements: PlacementRepository,
    @Inject(STRUCTURE_REPOSITORY) private readonly structures: StructureRepository,
    private readonly places: Places,
    private readonly events: HousingEventPublisher,
  ) {}

  async saveRequest(tx: Transaction, request: HousingRequest, changes: RequestChange[], isNew = false): Promise<void> {
    if (isNew) await this.requests.insert(tx, request);
    else await this.requests.update(tx, request);
    await this.events.requestChanged(tx, request.snapshot(), changes);
  }

  async savePlacement(tx: Transaction, request: HousingRequest, placement: Placement, changes: PlacementChange[], isNew = false): Promise<void> {
    if (changes.length === 0 && !isNew) return;
    if (isNew) await this.placements.insert(tx, placement);
    else await this.placements.update(tx, placement);
    await this.events.placementChanged(tx, request.snapshot(), placement.snapshot(), changes);
  }

  /** Cancels a request's open placements (but `keep`), giving back the places they held. */
  async cancelOpenPlacements(tx: Transaction, request: HousingRequest, reason: PlacementCancellationReasonName, keep?: string): Promise<void> {
    for (const placement of await this.placements.lockOfRequest(tx, request.snapshot().id)) {
      if (placement.snapshot().id === keep) continue;
      const heldPlace = placement.booking() !== undefined;
      await this.savePlacement(tx, request, placement, placement.cancel(reason));
      if (heldPlace) await this.placeGivenBack(tx, placement.snapshot().structureId);
    }
  }

  async placeGivenBack(tx: Transaction, structureId: string): Promise<void> {
    const structure = await this.structures.lockById(tx, structureId);
    if (structure) await this.places.reportCapacity(tx, structure, 'released');
  }
}
