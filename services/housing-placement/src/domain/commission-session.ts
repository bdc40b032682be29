import { HousingRuleError } from './housing-errors';

export interface CommissionSessionState {
  id: string;
  departement: string;
  sessionDate: string;
  members: string[];
  createdBy: string;
}

/** A commission d'orientation of one département's SIAO, on one day, with its members. */
export class CommissionSession {
  private constructor(private readonly state: CommissionSessionState) {}

  static restore(state: CommissionSessionState): CommissionSession {
    return new CommissionSession(state);
  }

  static plan(state: CommissionSessionState, today: string): CommissionSession {
    if (state.sessionDate < today) throw HousingRuleError.of('sessionDate', 'notInThePast', `sessionDate must not be before today (${today})`);
    return new CommissionSession(state);
  }

  snapshot(): CommissionSessionState {
    return this.state;
  }

  /** The agenda is set before the commission meets, or on its day. */
  assertAgendaOpen(today: string): void {
    if (this.state.sessionDate < today) throw HousingRuleError.of('sessionId', 'notPast', `session of ${this.state.sessionDate} is past: put the request on a later one`);
  }

  /** Decisions are taken when the commission meets, not before. */
  assertMayDecide(today: string): void {
    if (today < this.state.sessionDate) throw HousingRuleError.of('sessionId', 'hasMet', `session of ${this.state.sessionDate} has not met yet`);
  }
}
