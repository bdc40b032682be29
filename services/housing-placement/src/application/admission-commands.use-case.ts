import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { StructureRefusalReasonName } from '@passerelle/contracts';
import { Transaction, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { EMERGENCY_WITHIN_DAYS, entryWindowOf } from '../domain/entry-window';
import { HousingConflictError } from '../domain/housing-errors';
import { HousingRequest } from '../domain/housing-request';
import { Placement, PlacementChange, PlacementState } from '../domain/placement';
import { placesNeeded } from '../domain/request-file';
import { daysToRelease } from '../domain/review-queue';
import { Structure } from '../domain/structure';
import { HousingNotFoundError, isOrientedTo, isSiaoOf, isStaffOf } from './access';
import { HousingStore } from './housing-store';
import { Places } from './places';
import { HOUSING_REQUEST_REPOSITORY, HousingRequestRepository } from './ports/housing-request.repository';
import { PLACEMENT_REPOSITORY, PlacementRepository } from './ports/placement.repository';
import { STRUCTURE_REPOSITORY, StructureRepository } from './ports/structure.repository';

interface Locked {
  request: HousingRequest;
  placement: Placement;
}

/**
 * From orientation to admission: the structure pre-admits or refuses, the SIAO confirms once the
 * person accepts (or records that they declined), the structure records the entry or the no-show.
 * Locks are always taken request, then placement, then structure, so two steps never deadlock.
 */
@Injectable()
export class AdmissionCommands {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(HOUSING_REQUEST_REPOSITORY) private readonly requests: HousingRequestRepository,
    @Inject(PLACEMENT_REPOSITORY) private readonly placements: PlacementRepository,
    @Inject(STRUCTURE_REPOSITORY) private readonly structures: StructureRepository,
    private readonly store: HousingStore,
    private readonly places: Places,
    private readonly audit: AuditTrail,
  ) {}

  preAdmit(requestId: string, structureId: string, entryDate: string, actor: AuthenticatedUser): Promise<PlacementState> {
    return this.answer(requestId, structureId, actor, (request, structure, today) => {
      const window = entryWindowOf(request.snapshot().expectedReleaseDate);
      return Placement.propose(this.newPlacement(request, structure), entryDate, window, today);
    });
  }

  refuse(requestId: string, structureId: string, reason: StructureRefusalReasonName, actor: AuthenticatedUser): Promise<PlacementState> {
    return this.answer(requestId, structureId, actor, (request, structure) => Placement.refuse(this.newPlacement(request, structure), reason));
  }

  /** Books the place: refused when another confirmation took the last one first. */
  confirm(placementId: string, actor: AuthenticatedUser): Promise<PlacementState> {
    return this.onPlacement(placementId, actor, 'siao', async (tx, { request, placement }) => {
      request.assertOriented('confirmed');
      const state = placement.snapshot();
      const structure = (await this.structures.lockById(tx, state.structureId))!;
      const [occupancy] = await this.places.occupancyOf(tx, [structure]);
      const emergency = daysToRelease(request.snapshot(), this.places.today()) <= EMERGENCY_WITHIN_DAYS;
      const available = occupancy.poolFor(state.entryDate!, state.places, emergency);
      if (!available) {
        throw new HousingConflictError('structureId', 'hasFreePlace', `no place left at ${structure.name} from ${state.entryDate} for ${state.places} person(s)`);
      }
      const change = placement.confirm(available.pool, entryWindowOf(request.snapshot().expectedReleaseDate), this.places.today());
      request.placementConfirmed();
      await this.store.savePlacement(tx, request, placement, [change]);
      await this.store.cancelOpenPlacements(tx, request, 'competing_placement_confirmed', state.id);
      await this.store.saveRequest(tx, request, []);
      await this.places.reportCapacity(tx, structure, 'booked');
    });
  }

  declineByPerson(placementId: string, actor: AuthenticatedUser): Promise<PlacementState> {
    return this.onPlacement(placementId, actor, 'siao', async (tx, { request, placement }) => {
      await this.store.savePlacement(tx, request, placement, [placement.declineByPerson()]);
    });
  }

  enter(placementId: string, enteredOn: string, actor: AuthenticatedUser): Promise<PlacementState> {
    return this.onPlacement(placementId, actor, 'structure', async (tx, { request, placement }) => {
      const change = placement.enter(enteredOn, request.snapshot().expectedReleaseDate, this.places.today());
      request.entered();
      await this.store.savePlacement(tx, request, placement, [change]);
      await this.store.saveRequest(tx, request, []);
    });
  }

  noShow(placementId: string, actor: AuthenticatedUser): Promise<PlacementState> {
    return this.onPlacement(placementId, actor, 'structure', async (tx, { request, placement }) => {
      const change = placement.noShow(this.places.today(), request.snapshot().expectedReleaseDate);
      request.noShow();
      await this.store.savePlacement(tx, request, placement, [change]);
      await this.store.saveRequest(tx, request, []);
      await this.store.placeGivenBack(tx, placement.snapshot().structureId);
    });
  }

  private newPlacement(request: HousingRequest, structure: Structure) {
    const state = request.snapshot();
    return {
      id: randomUUID(), requestId: state.id, structureId: structure.id, structureType: structure.type,
      orientationSessionId: state.orientation!.sessionId, places: placesNeeded(state.file),
    };
  }

  /** A structure's answer to an orientation addressed to it: one answer per structure and orientation. */
  private answer(
    requestId: string, structureId: string, actor: AuthenticatedUser,
    decide: (request: HousingRequest, structure: Structure, today: string) => { placement: Placement; change: PlacementChange },
  ): Promise<PlacementState> {
    return this.unitOfWork.run(async (tx) => {
      const request = await this.requests.lockById(tx, requestId);
      const structure = await this.structures.findById(tx, structureId);
      if (!structure || !(isStaffOf(actor, structure) || actor.hasRole('admin'))) throw new HousingNotFoundError('structure', structureId);
      if (!request || !isOrientedTo(request.snapshot(), structure)) throw new HousingNotFoundError('request', requestId);
      const orientation = request.assertOriented('pre-admitted');
      const answers = (await this.placements.lockOfRequest(tx, requestId)).map((p) => p.snapshot());
      if (answers.some((p) => p.structureId === structureId && p.orientationSessionId === orientation.sessionId && p.status !== 'cancelled')) throw new HousingConflictError('structureId', 'answersOnce', `structure ${structure.name} already answered this request`);
      const { placement, change } = decide(request, structure, this.places.today());
      await this.store.savePlacement(tx, request, placement, [change], true);
      await this.recordAudit(tx, actor, 'create', placement, request);
      return placement.snapshot();
    });
  }

  private onPlacement(
    placementId: string, actor: AuthenticatedUser, by: 'siao' | 'structure',
    work: (tx: Transaction, locked: Locked) => Promise<void>,
  ): Promise<PlacementState> {
    return this.unitOfWork.run(async (tx) => {
      const locked = await this.lock(tx, placementId);
      const { request, placement } = locked;
      const structure = { id: placement.snapshot().structureId, departement: request.snapshot().siaoDepartement };
      const allowed = by === 'siao' ? isSiaoOf(actor, structure.departement) : isStaffOf(actor, structure) || actor.hasRole('admin');
      if (!allowed) throw new HousingNotFoundError('placement', placementId);
      await work(tx, locked);
      await this.recordAudit(tx, actor, 'update', placement, request);
      return placement.snapshot();
    });
  }

  private async lock(tx: Transaction, placementId: string): Promise<Locked> {
    const requestId = (await this.placements.findById(tx, placementId))?.snapshot().requestId;
    const request = requestId ? await this.requests.lockById(tx, requestId) : undefined;
    const placement = request ? await this.placements.lockById(tx, placementId) : undefined;
    if (!request || !placement) throw new HousingNotFoundError('placement', placementId);
    return { request, placement };
  }

  private recordAudit(tx: Transaction, actor: AuthenticatedUser, action: string, placement: Placement, request: HousingRequest): Promise<void> {
    return this.audit.record(tx, { actor, action, resourceType: 'placement', resourceId: placement.snapshot().id, personId: request.snapshot().personId });
  }
}
