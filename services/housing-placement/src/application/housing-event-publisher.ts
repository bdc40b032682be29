import { Injectable } from '@nestjs/common';
import {
  CapacityChangeReasonName, capacityChangedV1, orientationDecidedV1, orientationLapsedV1, personEnteredV1, personNoShowV1,
  placementCancelledV1, placementConfirmedV1, placementDeclinedV1, placementFlaggedV1, placementProposedV1, placementRefusedV1,
  requestDeferredV1, requestRefusedV1, requestReturnedV1, requestScheduledV1,
} from '@passerelle/contracts';
import { OutboxEntry, outboxEntry, OutboxWriter } from '@passerelle/messaging';
import { Transaction } from '@passerelle/service-kit';
import { HousingRequestState, RequestChange } from '../domain/housing-request';
import { PlaceFigures } from '../domain/occupancy';
import { PlacementChange, PlacementState } from '../domain/placement';
import { Structure } from '../domain/structure';

type RequestRef = { requestId: string; referralId: string; personId: string; siaoDepartement: string };

/**
 * Maps the SIAO's and the structures' changes to contract events, in the caller's transaction.
 * Only what the SPIP and the dashboards need leaves: no préconisation text, no household detail.
 */
@Injectable()
export class HousingEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async requestChanged(tx: Transaction, request: HousingRequestState, changes: RequestChange[]): Promise<void> {
    await this.outbox.addMany(tx, changes.flatMap((change) => requestEntries(refOf(request), change)));
  }

  async placementChanged(tx: Transaction, request: HousingRequestState, placement: PlacementState, changes: PlacementChange[]): Promise<void> {
    await this.outbox.addMany(tx, changes.flatMap((change) => placementEntries(refOf(request), request, placement, change)));
  }

  async capacityChanged(tx: Transaction, structure: Structure, reason: CapacityChangeReasonName, asOf: string, figures: PlaceFigures): Promise<void> {
    await this.outbox.add(tx, capacityChangedV1, {
      structureId: structure.id, siaoDepartement: structure.departement, structureType: structure.type, reason, asOf,
      capacity: structure.capacity, reservedJusticePlaces: structure.reservedJusticePlaces, volantePlaces: structure.volantePlaces,
      outOfService: figures.outOfService, occupied: figures.occupied, occupiedJustice: figures.occupiedJustice,
      free: figures.free, freeJustice: figures.freeJustice,
    });
  }
}

function refOf(request: HousingRequestState): RequestRef {
  return { requestId: request.id, referralId: request.referralId, personId: request.personId, siaoDepartement: request.siaoDepartement };
}

function requestEntries(ref: RequestRef, change: RequestChange): OutboxEntry[] {
  switch (change.kind) {
    case 'Returned':
      return [outboxEntry(requestReturnedV1, { ...ref, missing: change.missing })];
    case 'Scheduled':
      return [outboxEntry(requestScheduledV1, { ...ref, sessionId: change.sessionId, sessionDate: change.sessionDate })];
    case 'Oriented': {
      const { sessionId, structureType, structureId } = change.orientation;
      return [outboxEntry(orientationDecidedV1, { ...ref, sessionId, ...(structureType ? { structureType } : {}), ...(structureId ? { structureId } : {}) })];
    }
    case 'Deferred':
      return [outboxEntry(requestDeferredV1, { ...ref, sessionId: change.sessionId, reason: change.reason, reconsiderOn: change.reconsiderOn })];
    case 'Refused':
      return [outboxEntry(requestRefusedV1, { ...ref, sessionId: change.sessionId, reason: change.reason })];
    case 'Lapsed':
      return [outboxEntry(orientationLapsedV1, { ...ref, sessionId: change.orientation.sessionId, orientedOn: change.orientation.decidedOn, lapsedOn: change.lapsedOn })];
    default:
      // Received, withdrawn and date moves are the referral's own facts coming back: nothing new to tell.
      return [];
  }
}

function placementEntries(ref: RequestRef, request: HousingRequestState, placement: PlacementState, change: PlacementChange): OutboxEntry[] {
  const held = { ...ref, placementId: placement.id, structureId: placement.structureId };
  const booked = { ...held, structureType: placement.structureType, entryDate: placement.entryDate! };
  switch (change.kind) {
    case 'Proposed':
      return [outboxEntry(placementProposedV1, booked)];
    case 'Confirmed':
      return [outboxEntry(placementConfirmedV1, booked)];
    case 'RefusedByStructure':
      return [outboxEntry(placementRefusedV1, { ...held, reason: change.reason })];
    case 'DeclinedByPerson':
      return [outboxEntry(placementDeclinedV1, { ...held, by: 'person' as const })];
    case 'Cancelled':
      return [outboxEntry(placementCancelledV1, { ...held, reason: change.reason })];
    case 'Entered':
      return [outboxEntry(personEnteredV1, { ...held, enteredOn: change.enteredOn })];
    case 'NoShow':
      return [outboxEntry(personNoShowV1, { ...held, expectedOn: placement.entryDate! })];
    case 'FlagCleared':
      // The entry fits the release again: nothing for the others to act on.
      return [];
    case 'Flagged':
      return [outboxEntry(placementFlaggedV1, {
        ...held, entryDate: placement.entryDate!, expectedReleaseDate: request.expectedReleaseDate, windowFrom: change.window.from, windowTo: change.window.to,
      })];
  }
}
