/** The shapes housing-placement answers (services/housing-placement/src/application), as the console reads them. */

export type RequestStatus =
  | 'returned' | 'awaiting_review' | 'scheduled' | 'deferred' | 'refused' | 'oriented' | 'placement_confirmed'
  | 'housed' | 'no_show' | 'lapsed' | 'withdrawn';

export type Pool = 'justice' | 'general' | 'volante';

export type PlacementStatus = 'proposed' | 'refused' | 'declined' | 'confirmed' | 'cancelled' | 'entered' | 'no_show';

export interface EntryWindow {
  from: string;
  to: string;
}

export interface Household {
  composition: string;
  applicantGender: string;
  childrenAges: number[];
}

export interface RequestFile {
  household: Household;
  needs: { reducedMobility: boolean; animals: boolean };
  resources: string[];
  rightsToReopen: string[];
  preferredTerritories: string[];
  careContinuity: boolean;
  consent: { givenOn: string; recipients: string[] };
}

export interface Orientation {
  sessionId: string;
  structureType?: string;
  structureId?: string;
  preconisation?: string;
  decidedOn: string;
}

export interface Placement {
  id: string;
  requestId: string;
  structureId: string;
  structureType: string;
  status: PlacementStatus;
  places: number;
  entryDate?: string;
  pool?: Pool;
  refusalReason?: string;
  cancellationReason?: string;
  enteredOn?: string;
  flagged: boolean;
}

/** The SIAO's whole view of a request. */
export interface HousingRequest {
  id: string;
  referralId: string;
  spipDepartement: string;
  siaoDepartement: string;
  expectedReleaseDate: string;
  urgent: boolean;
  submission: number;
  status: RequestStatus;
  file: RequestFile;
  receivedOn: string;
  missing: string[];
  session?: { id: string; date: string };
  orientation?: Orientation;
  deferral?: { sessionId: string; reason: string; reconsiderOn: string };
  refusal?: { sessionId: string; reason: string };
  daysToRelease: number;
  waitingDays: number;
  entryWindow: EntryWindow;
  placements?: Placement[];
}

export interface Candidate {
  structureId: string;
  name: string;
  type: string;
  area: string;
  pool: Pool;
  free: number;
}

export interface QueueEntry {
  request: HousingRequest;
  candidates: Candidate[];
  candidatesTotal: number;
}

export interface CommissionSession {
  id: string;
  departement: string;
  sessionDate: string;
  members: string[];
  createdBy: string;
}

export interface AgendaItem {
  requestId: string;
  addedOn: string;
  decision?: string;
}

export interface SessionWithAgenda extends CommissionSession {
  agenda: AgendaItem[];
}

export interface Structure {
  id: string;
  name: string;
  type: string;
  departement: string;
  area: string;
  capacity: number;
  reservedJusticePlaces: number;
  volantePlaces: number;
  accepts: Record<'men' | 'women' | 'couples' | 'children' | 'animals' | 'reducedMobility', boolean>;
}

export interface DayFigures {
  date: string;
  outOfService: number;
  occupied: number;
  occupiedJustice: number;
  free: number;
  freeJustice: number;
  freeGeneral: number;
  freeVolante: number;
}

/** What a structure may know of a request oriented to it: no person, no offence. */
export interface StructureRequest {
  requestId: string;
  siaoDepartement: string;
  status: RequestStatus;
  expectedReleaseDate: string;
  entryWindow: EntryWindow;
  household: Household;
  needs: RequestFile['needs'];
  resources: string[];
  rightsToReopen: string[];
  careContinuity?: boolean;
  orientation: Orientation;
  placements: Placement[];
}
