/**
 * A detention the referral service follows so that a SIAO request can be opened in time.
 * Only routing and calendar facts are kept: no identity, no offence.
 */
export interface TrackedDetentionState {
  detentionId: string;
  personId: string;
  /** The SPIP that prepares the release and owns the case. */
  spipDepartement: string;
  /** The SIAO territory where housing is sought. */
  destinationDepartement: string;
  /** Calendar date (YYYY-MM-DD, Europe/Paris). */
  expectedReleaseDate: string;
  /** When release-calendar registered the detention. */
  registeredAt: Date;
}

export class TrackedDetention {
  private constructor(private readonly state: TrackedDetentionState) {}

  static track(state: TrackedDetentionState): TrackedDetention {
    return new TrackedDetention({ ...state, registeredAt: new Date(state.registeredAt.getTime()) });
  }

  static restore(state: TrackedDetentionState): TrackedDetention {
    return TrackedDetention.track(state);
  }

  snapshot(): TrackedDetentionState {
    return { ...this.state, registeredAt: new Date(this.state.registeredAt.getTime()) };
  }
}
