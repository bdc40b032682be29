import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { UNIT_OF_WORK, UnitOfWork, Transaction } from '@passerelle/service-kit';
import { CommissionSession, CommissionSessionState } from '../domain/commission-session';
import { HousingRuleError } from '../domain/housing-errors';
import { CommissionDecision, HousingRequest } from '../domain/housing-request';
import { consentCovers } from '../domain/request-file';
import { HousingNotFoundError, isSiaoOf } from './access';
import { HousingStore } from './housing-store';
import { Places } from './places';
import { COMMISSION_SESSION_REPOSITORY, CommissionSessionRepository } from './ports/commission-session.repository';
import { HOUSING_REQUEST_REPOSITORY, HousingRequestRepository } from './ports/housing-request.repository';
import { STRUCTURE_REPOSITORY, StructureRepository } from './ports/structure.repository';
import { HousingRequestView, requestViewOf } from './housing-request-view';

export interface SessionPlan {
  departement: string;
  sessionDate: string;
  members: string[];
}

/**
 * The SIAO commission's work: plan a session, set its agenda from the queue, decide each request
 * (orientation, deferral, refusal), or send an incomplete request back to the SPIP.
 */
@Injectable()
export class CommissionCommands {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(HOUSING_REQUEST_REPOSITORY) private readonly requests: HousingRequestRepository,
    @Inject(COMMISSION_SESSION_REPOSITORY) private readonly sessions: CommissionSessionRepository,
    @Inject(STRUCTURE_REPOSITORY) private readonly structures: StructureRepository,
    private readonly store: HousingStore,
    private readonly places: Places,
    private readonly audit: AuditTrail,
  ) {}

  plan(plan: SessionPlan, actor: AuthenticatedUser): Promise<CommissionSessionState> {
    return this.unitOfWork.run(async (tx) => {
      const session = CommissionSession.plan({ id: randomUUID(), ...plan, createdBy: actor.subject }, this.places.today());
      await this.sessions.insert(tx, session);
      await this.audit.record(tx, { actor, action: 'create', resourceType: 'commission_session', resourceId: session.snapshot().id });
      return session.snapshot();
    });
  }

  schedule(sessionId: string, requestIds: string[], actor: AuthenticatedUser): Promise<HousingRequestView[]> {
    return this.unitOfWork.run(async (tx) => {
      const session = await this.sessionFor(tx, sessionId, actor);
      const today = this.places.today();
      session.assertAgendaOpen(today);
      const { id, departement, sessionDate } = session.snapshot();
      const scheduled: HousingRequestView[] = [];
      for (const requestId of requestIds) {
        const request = await this.lockRequest(tx, requestId, departement);
        await this.store.saveRequest(tx, request, request.schedule({ id, date: sessionDate }));
        await this.sessions.addToAgenda(tx, id, requestId, today);
        await this.recordAudit(tx, actor, request);
        scheduled.push(requestViewOf(request.snapshot(), today));
      }
      return scheduled;
    });
  }

  decide(sessionId: string, requestId: string, decision: CommissionDecision, actor: AuthenticatedUser): Promise<HousingRequestView> {
    return this.unitOfWork.run(async (tx) => {
      const session = await this.sessionFor(tx, sessionId, actor);
      const today = this.places.today();
      session.assertMayDecide(today);
      const request = await this.lockRequest(tx, requestId, session.snapshot().departement);
      if (decision.kind === 'orientation') await this.assertOrientable(tx, request, decision);
      await this.store.saveRequest(tx, request, request.decide(sessionId, decision, today));
      await this.sessions.recordDecision(tx, sessionId, requestId, decision.kind);
      await this.recordAudit(tx, actor, request);
      return requestViewOf(request.snapshot(), today);
    });
  }

  returnIncomplete(requestId: string, missing: string[], actor: AuthenticatedUser): Promise<HousingRequestView> {
    return this.unitOfWork.run(async (tx) => {
      const request = await this.requests.lockById(tx, requestId);
      if (!request || !isSiaoOf(actor, request.snapshot().siaoDepartement)) throw new HousingNotFoundError('request', requestId);
      const sessionId = request.snapshot().session?.id;
      await this.store.saveRequest(tx, request, request.returnIncomplete(missing));
      if (sessionId) await this.sessions.recordDecision(tx, sessionId, requestId, 'returned');
      await this.recordAudit(tx, actor, request);
      return requestViewOf(request.snapshot(), this.places.today());
    });
  }

  /** A named structure must exist in the département, be of the type named, and the consent must reach it. */
  private async assertOrientable(tx: Transaction, request: HousingRequest, decision: Extract<CommissionDecision, { kind: 'orientation' }>): Promise<void> {
    if (!decision.structureId) return;
    const state = request.snapshot();
    const structure = await this.structures.findById(tx, decision.structureId);
    if (!structure || structure.departement !== state.siaoDepartement) {
      throw HousingRuleError.of('structureId', 'inThisDepartement', `structure ${decision.structureId} is not a structure of département ${state.siaoDepartement}`);
    }
    if (decision.structureType && decision.structureType !== structure.type) {
      throw HousingRuleError.of('structureType', 'matchesStructure', `structure ${structure.name} is a ${structure.type}, not a ${decision.structureType}`);
    }
    if (!consentCovers(state.file, 'host_structures')) {
      throw HousingRuleError.of('structureId', 'consentNamesHostStructures', 'the person\'s consent does not name host structures: orient to a type of structure only');
    }
  }

  private async sessionFor(tx: Transaction, sessionId: string, actor: AuthenticatedUser): Promise<CommissionSession> {
    const session = await this.sessions.findById(tx, sessionId);
    if (!session || !isSiaoOf(actor, session.snapshot().departement)) throw new HousingNotFoundError('session', sessionId);
    return session;
  }

  private async lockRequest(tx: Transaction, requestId: string, departement: string): Promise<HousingRequest> {
    const request = await this.requests.lockById(tx, requestId);
    if (!request || request.snapshot().siaoDepartement !== departement) throw new HousingNotFoundError('request', requestId);
    return request;
  }

  private recordAudit(tx: Transaction, actor: AuthenticatedUser, request: HousingRequest): Promise<void> {
    const { id, personId } = request.snapshot();
    return this.audit.record(tx, { actor, action: 'update', resourceType: 'housing_request', resourceId: id, personId });
  }
}
