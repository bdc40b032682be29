import { AlertChange, SortieSecheAlert } from './sortie-seche-alert';

/** The demande SIAO's lifecycle on the SPIP's side (DOMAIN.md, "The SIAO request lifecycle"). */
export type ReferralStatus = 'to_complete' | 'submitted' | 'on_hold' | 'closed' | 'withdrawn';

/** Why a person left prison with nothing: the headline indicator's breakdown. */
export type SortieSecheReason = 'request_incomplete' | 'no_decision' | 'request_on_hold' | 'request_withdrawn';

export interface ReleaseWindowFacts {
  detentionId: string;
  personId: string;
  spipDepartement: string;
  /** The SIAO the request is addressed to. */
  siaoDepartement: string;
  expectedReleaseDate: string;
  urgent: boolean;
}

export interface ReferralState extends ReleaseWindowFacts {
  id: string;
  status: ReferralStatus;
  /** Where to go back to when the window reopens. */
  statusBeforeHold?: ReferralStatus;
  placementConfirmed: boolean;
  alert: { level?: 'watch' | 'warning' | 'critical'; resolved: boolean };
}

export type ReferralChange =
  | { kind: 'Opened' }
  | { kind: 'OnHold' }
  | { kind: 'Resumed' }
  | { kind: 'Reassigned'; previousSpipDepartement: string }
  | { kind: 'Alert'; change: AlertChange }
  | { kind: 'SortieSecheRecorded'; reason: SortieSecheReason; releasedOn: string }
  | { kind: 'Closed'; outcome: 'released' };

const ACTIVE: ReferralStatus[] = ['to_complete', 'submitted'];

/**
 * One open SIAO request per detention. It opens by itself when the window opens, waits while the
 * date has moved away, follows the person through transfers, and judges the risk of a sortie sèche.
 */
export class Referral {
  private constructor(private readonly state: ReferralState) {}

  static open(id: string, window: ReleaseWindowFacts): { referral: Referral; changes: ReferralChange[] } {
    const referral = new Referral({ ...window, id, status: 'to_complete', placementConfirmed: false, alert: { resolved: false } });
    return { referral, changes: [{ kind: 'Opened' }] };
  }

  static restore(state: ReferralState): Referral {
    return new Referral({ ...state, alert: { ...state.alert } });
  }

  snapshot(): ReferralState {
    return { ...this.state, alert: { ...this.state.alert } };
  }

  /** The date moved back out of the window: the request waits instead of being lost or duplicated. */
  windowClosed(): ReferralChange[] {
    if (!ACTIVE.includes(this.state.status)) return [];
    this.state.statusBeforeHold = this.state.status;
    this.state.status = 'on_hold';
    return [{ kind: 'OnHold' }];
  }

  /** The window opened again for the same detention: the same request resumes where it was. */
  windowReopened(window: ReleaseWindowFacts): ReferralChange[] {
    this.follow(window);
    if (this.state.status !== 'on_hold') return [];
    this.state.status = this.state.statusBeforeHold ?? 'to_complete';
    this.state.statusBeforeHold = undefined;
    return [{ kind: 'Resumed' }];
  }

  releaseDateMoved(expectedReleaseDate: string): void {
    this.state.expectedReleaseDate = expectedReleaseDate;
  }

  /** A transfer keeps the request and moves it to the SPIP now in charge. */
  transferred(spipDepartement: string): ReferralChange[] {
    if (spipDepartement === this.state.spipDepartement) return [];
    const previousSpipDepartement = this.state.spipDepartement;
    this.state.spipDepartement = spipDepartement;
    return [{ kind: 'Reassigned', previousSpipDepartement }];
  }

  releaseApproaching(daysBefore: number): ReferralChange[] {
    if (this.isFinished()) return [];
    const alert = SortieSecheAlert.restore(this.state.alert.level, this.state.alert.resolved);
    const change = alert.milestoneReached(daysBefore, this.state.placementConfirmed);
    this.state.alert = alert.current;
    return change ? [{ kind: 'Alert', change }] : [];
  }

  /** Released: with no confirmed placement, a sortie sèche is recorded with its reason. */
  released(releasedOn: string): ReferralChange[] {
    if (this.isFinished()) return [];
    const changes: ReferralChange[] = [];
    if (!this.state.placementConfirmed) changes.push({ kind: 'SortieSecheRecorded', reason: this.sortieSecheReason(), releasedOn });
    this.state.status = 'closed';
    changes.push({ kind: 'Closed', outcome: 'released' });
    return changes;
  }

  private sortieSecheReason(): SortieSecheReason {
    switch (this.state.status) {
      case 'submitted':
        return 'no_decision';
      case 'on_hold':
        return 'request_on_hold';
      case 'withdrawn':
        return 'request_withdrawn';
      default:
        return 'request_incomplete';
    }
  }

  private follow(window: ReleaseWindowFacts): void {
    this.state.expectedReleaseDate = window.expectedReleaseDate;
    this.state.urgent = this.state.urgent || window.urgent;
  }

  private isFinished(): boolean {
    return this.state.status === 'closed';
  }
}
