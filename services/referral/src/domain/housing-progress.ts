import type { ReferralState, ReferralStatus } from './referral';

export interface Placement {
  placementId: string;
  structureId: string;
  structureType: string;
  entryDate: string;
  confirmed: boolean;
}

/** What the SIAO and the structures decided, as housing-placement's events report it. */
export type Decision =
  | { kind: 'scheduled'; sessionDate: string }
  | { kind: 'oriented'; structureType?: string; structureId?: string }
  | { kind: 'deferred'; reason: string; reconsiderOn: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'placement_proposed'; placement: Omit<Placement, 'confirmed'> }
  | { kind: 'placement_confirmed'; placement: Omit<Placement, 'confirmed'> }
  | { kind: 'placement_declined'; placementId: string; by: 'structure' | 'person' }
  | { kind: 'placement_cancelled'; placementId: string };

const COMMISSION_PENDING: ReferralStatus[] = ['submitted', 'scheduled', 'deferred'];
const ORIENTED: ReferralStatus[] = ['oriented', 'placement_proposed'];

/**
 * The SIAO's side of the request as the SPIP sees it. A decision that does not fit the current
 * step (late, or about a placement since replaced) is ignored rather than moving the request back.
 */
export class HousingProgress {
  constructor(private readonly state: ReferralState) {}

  placementConfirmed(): boolean {
    return this.state.placement?.confirmed === true;
  }

  mayBeReturned(): boolean {
    return ['submitted', 'scheduled'].includes(this.current());
  }

  /** The status the decision leads to, or undefined when it does not apply. */
  apply(decision: Decision): ReferralStatus | undefined {
    const current = this.current();
    switch (decision.kind) {
      case 'scheduled':
        return COMMISSION_PENDING.includes(current) ? 'scheduled' : undefined;
      case 'oriented':
      case 'refused':
        return COMMISSION_PENDING.includes(current) ? decision.kind : undefined;
      case 'deferred':
        return ['submitted', 'scheduled'].includes(current) ? 'deferred' : undefined;
      case 'placement_proposed':
        if (!ORIENTED.includes(current)) return undefined;
        this.state.placement = { ...decision.placement, confirmed: false };
        return 'placement_proposed';
      case 'placement_confirmed':
        // A place volante can be confirmed straight from the queue, without an orientation first.
        if (![...COMMISSION_PENDING, ...ORIENTED].includes(current)) return undefined;
        this.state.placement = { ...decision.placement, confirmed: true };
        return 'placement_confirmed';
      case 'placement_declined':
      case 'placement_cancelled':
        return this.dropPlacement(decision);
    }
  }

  private dropPlacement(decision: Extract<Decision, { placementId: string }>): ReferralStatus | undefined {
    if (this.state.placement?.placementId !== decision.placementId) return undefined;
    this.state.placement = undefined;
    if (decision.kind === 'placement_declined' && decision.by === 'person') this.state.declinedByPerson = true;
    return 'oriented';
  }

  private current(): ReferralStatus {
    return this.state.status === 'on_hold' ? (this.state.statusBeforeHold ?? 'to_complete') : this.state.status;
  }
}
