import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { Transaction, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { EMERGENCY_WITHIN_DAYS } from '../domain/entry-window';
import { CommissionSessionState } from '../domain/commission-session';
import { candidatePlaces, CandidatePlace } from '../domain/place-matching';
import { daysToRelease } from '../domain/review-queue';
import { HousingNotFoundError, isOrientedTo, isSiaoOf, isStaffOf } from './access';
import { HousingRequestView, requestViewOf, StructureRequestView, structureViewOf } from './housing-request-view';
import { Places } from './places';
import { AgendaItem, COMMISSION_SESSION_REPOSITORY, CommissionSessionRepository } from './ports/commission-session.repository';
import { HOUSING_REQUEST_REPOSITORY, HousingRequestRepository } from './ports/housing-request.repository';
import { PLACEMENT_REPOSITORY, PlacementRepository } from './ports/placement.repository';
import { STRUCTURE_REPOSITORY, StructureRepository } from './ports/structure.repository';

/** How many candidate places each queue entry shows; the total is given too. */
export const CANDIDATES_SHOWN = 5;

/** A candidate place as the commission reads it in the queue. */
export interface CandidateView {
  structureId: string;
  name: string;
  type: string;
  area: string;
  pool: CandidatePlace['pool'];
  free: number;
}

export interface QueueEntry {
  request: HousingRequestView;
  candidates: CandidateView[];
  candidatesTotal: number;
}

export interface QueuePage {
  items: QueueEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** What the commission and the structures read. Each read of a personal file is audited. */
@Injectable()
export class HousingQueries {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(HOUSING_REQUEST_REPOSITORY) private readonly requests: HousingRequestRepository,
    @Inject(PLACEMENT_REPOSITORY) private readonly placements: PlacementRepository,
    @Inject(STRUCTURE_REPOSITORY) private readonly structures: StructureRepository,
    @Inject(COMMISSION_SESSION_REPOSITORY) private readonly sessions: CommissionSessionRepository,
    private readonly places: Places,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * The review queue of a département, by urgency, each request with the places that fit it from
   * its release date, reserved justice places first.
   */
  queue(departement: string, page: number, pageSize: number, actor: AuthenticatedUser): Promise<QueuePage> {
    return this.unitOfWork.run(async (tx) => {
      const today = this.places.today();
      const { items, total } = await this.requests.queue(tx, { departement, today, page, pageSize });
      const occupancies = await this.places.occupancyOfDepartement(tx, departement);
      const entries = items.map((request) => {
        const state = request.snapshot();
        const emergency = daysToRelease(state, today) <= EMERGENCY_WITHIN_DAYS;
        const candidates = candidatePlaces(state.file, state.expectedReleaseDate, emergency, occupancies);
        return { request: requestViewOf(state, today), candidates: candidates.slice(0, CANDIDATES_SHOWN).map(candidateView), candidatesTotal: candidates.length };
      });
      await this.audit.recordMany(tx, entries.map(({ request }) => ({
        actor, action: 'read', resourceType: 'housing_request', resourceId: request.id, personId: request.personId,
      })));
      return { items: entries, total, page, pageSize };
    });
  }

  request(id: string, actor: AuthenticatedUser): Promise<HousingRequestView | StructureRequestView> {
    return this.unitOfWork.run(async (tx) => {
      const request = await this.requests.findById(tx, id);
      if (!request) throw new HousingNotFoundError('request', id);
      const state = request.snapshot();
      const placements = (await this.placements.ofRequests(tx, [id])).map((p) => p.snapshot());
      let view: HousingRequestView | StructureRequestView;
      if (isSiaoOf(actor, state.siaoDepartement)) {
        view = requestViewOf(state, this.places.today(), placements);
      } else {
        const structure = actor.organisation ? await this.structures.findById(tx, actor.organisation) : undefined;
        if (!structure || !isStaffOf(actor, structure) || !isOrientedTo(state, structure)) throw new HousingNotFoundError('request', id);
        view = structureViewOf(state, placements.filter((p) => p.structureId === structure.id));
      }
      await this.audit.record(tx, { actor, action: 'read', resourceType: 'housing_request', resourceId: id, personId: state.personId });
      return view;
    });
  }

  /** The requests oriented to the caller's structure. */
  orientedToMe(actor: AuthenticatedUser): Promise<StructureRequestView[]> {
    return this.unitOfWork.run(async (tx) => {
      const structure = actor.organisation ? await this.structures.findById(tx, actor.organisation) : undefined;
      if (!structure || !isStaffOf(actor, structure)) return [];
      const requests = (await this.requests.orientedTo(tx, { structureId: structure.id, structureType: structure.type, departement: structure.departement }))
        .map((request) => request.snapshot()).filter((state) => isOrientedTo(state, structure));
      const placements = (await this.placements.ofRequests(tx, requests.map((r) => r.id))).map((p) => p.snapshot()).filter((p) => p.structureId === structure.id);
      await this.audit.recordMany(tx, requests.map((state) => ({ actor, action: 'read', resourceType: 'housing_request', resourceId: state.id, personId: state.personId })));
      return requests.map((state) => structureViewOf(state, placements.filter((p) => p.requestId === state.id)));
    });
  }

  sessionsOf(actor: AuthenticatedUser, departement: string | undefined, from: string): Promise<CommissionSessionState[]> {
    return this.unitOfWork.run(async (tx) => {
      const scope = departement ? [departement] : actor.hasRole('admin') ? 'all' : [...actor.departements];
      const sessions = await this.sessions.list(tx, scope, from);
      return sessions.map((s) => s.snapshot()).filter((s) => isSiaoOf(actor, s.departement));
    });
  }

  session(id: string, actor: AuthenticatedUser): Promise<CommissionSessionState & { agenda: AgendaItem[] }> {
    return this.unitOfWork.run(async (tx: Transaction) => {
      const session = await this.sessions.findById(tx, id);
      if (!session || !isSiaoOf(actor, session.snapshot().departement)) throw new HousingNotFoundError('session', id);
      return { ...session.snapshot(), agenda: await this.sessions.agendaOf(tx, id) };
    });
  }
}

function candidateView({ structure, pool, free }: CandidatePlace): CandidateView {
  return { structureId: structure.id, name: structure.name, type: structure.type, area: structure.area, pool, free };
}
