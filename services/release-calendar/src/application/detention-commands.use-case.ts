import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { ReleaseDateChangeReason } from '@passerelle/contracts';
import { Clock, CLOCK, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { DepartementSettings } from '../domain/departement-settings';
import { Detention, DetentionState, ReleaseKind, Today, Transfer } from '../domain/detention';
import { DetentionEvent } from '../domain/detention-events';
import { auditOf } from './detention-audit';
import { DetentionStore } from './detention-store';
import { DetentionNotFoundError, DetentionOutOfTerritoryError } from './get-detention.use-case';
import { DETENTION_REPOSITORY, DetentionRepository } from './ports/detention.repository';
import { todayFrom } from './today';

type Change = (detention: Detention, today: Today, settings: DepartementSettings) => DetentionEvent[];

/**
 * What the prison's greffe reports about a detention: a moved date, a release, a transfer.
 * Each runs in one transaction holding the detention's row lock, so two changes for one person
 * (or a change and a sweep) apply one after the other, and their events keep that order.
 */
@Injectable()
export class DetentionCommands {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DETENTION_REPOSITORY) private readonly detentions: DetentionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: DetentionStore,
    private readonly audit: AuditTrail,
  ) {}

  changeReleaseDate(id: string, date: string, reason: ReleaseDateChangeReason, actor: AuthenticatedUser): Promise<DetentionState> {
    return this.apply(id, actor, (detention, today, settings) => detention.changeReleaseDate(date, reason, today, settings));
  }

  release(id: string, releasedOn: string, kind: ReleaseKind, actor: AuthenticatedUser): Promise<DetentionState> {
    return this.apply(id, actor, (detention, today) => detention.release(releasedOn, kind, today));
  }

  transfer(id: string, to: Transfer, actor: AuthenticatedUser): Promise<DetentionState> {
    return this.apply(id, actor, (detention, today) => detention.transfer(to, today));
  }

  private apply(id: string, actor: AuthenticatedUser, change: Change): Promise<DetentionState> {
    return this.unitOfWork.run(async (tx) => {
      const locked = await this.detentions.lockWithSettings(tx, id);
      if (!locked) throw new DetentionNotFoundError(id);
      const { detention, settings } = locked;
      const { spipDepartement } = detention.snapshot();
      if (!actor.mayActOn(spipDepartement)) throw new DetentionOutOfTerritoryError(spipDepartement);
      const events = change(detention, todayFrom(this.clock), settings);
      // Audited first: the row is held, and goes with the detention's update in one statement.
      await this.audit.record(tx, auditOf(detention, 'update', actor));
      await this.store.save(tx, detention, events, settings, actor.subject);
      return detention.snapshot();
    });
  }
}
