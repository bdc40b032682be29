import { isEventPattern, matchesPattern } from './event-pattern';
import { departementsOf, SubscriberRole } from './subscriber-view';

export type SubscriptionStatus = 'active' | 'paused' | 'disabled';

export interface SigningSecret {
  secret: string;
  /** Set on the old secret at a rotation: both sign until then. */
  expiresAt?: string;
}

export interface SubscriptionState {
  id: string;
  url: string;
  eventTypes: string[];
  departements: string[];
  ownerRole: SubscriberRole;
  ownerSubject: string;
  status: SubscriptionStatus;
  disabledReason?: string;
  secrets: SigningSecret[];
  /** The first failure of the current run of failures; cleared by a success. */
  failingSince?: string;
  createdAt: string;
}

export class SubscriptionRuleError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'SubscriptionRuleError';
  }
}

/** An endpoint failing for this long is disabled and its owner told. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3_600_000;

/** Who receives which events, signed with which secrets. */
export class Subscription {
  private constructor(private readonly state: SubscriptionState) {}

  static restore(state: SubscriptionState): Subscription {
    return new Subscription(state);
  }

  static create(state: Omit<SubscriptionState, 'status' | 'failingSince' | 'disabledReason'>): Subscription {
    const invalid = state.eventTypes.find((pattern) => !isEventPattern(pattern));
    if (invalid) throw new SubscriptionRuleError('eventTypes', 'isEventPattern', `"${invalid}" is not an event type, a service's "<service>.*" or "*"`);
    return new Subscription({ ...state, status: 'active' });
  }

  snapshot(): SubscriptionState {
    return this.state;
  }

  /**
   * Whether an event goes to this endpoint: paused or disabled, its deliveries wait for the resume.
   * Only events that happened once it existed: replaying the topics (a rebuild) must not send the past again.
   */
  wants(type: string, data: Record<string, unknown>, occurredAt: string): boolean {
    if (new Date(occurredAt) < new Date(this.state.createdAt)) return false;
    if (!this.state.eventTypes.some((pattern) => matchesPattern(pattern, type))) return false;
    const about = departementsOf(data, this.state.ownerRole);
    return this.state.ownerRole === 'admin' || about.some((departement) => this.state.departements.includes(departement));
  }

  /** The secrets that sign now: the new one, and the old one until its grace period ends. */
  signingSecrets(now: Date): string[] {
    return this.state.secrets.filter((s) => !s.expiresAt || new Date(s.expiresAt) > now).map((s) => s.secret);
  }

  /** The old secrets sign until their grace ends; rotating again never lengthens an older one's. */
  rotate(newSecret: string, now: Date, graceMs: number): void {
    const expiresAt = new Date(now.getTime() + graceMs).toISOString();
    const stillSigning = this.state.secrets.filter((s) => !s.expiresAt || new Date(s.expiresAt) > now);
    this.state.secrets = [{ secret: newSecret }, ...stillSigning.map((s) => ({ secret: s.secret, expiresAt: s.expiresAt ?? expiresAt }))];
  }

  pause(): void {
    if (this.state.status === 'active') this.state.status = 'paused';
  }

  /** Resuming also re-enables an endpoint that was disabled: its owner says it is back. */
  resume(): void {
    this.state.status = 'active';
    this.state.disabledReason = undefined;
    this.state.failingSince = undefined;
  }

  /** A failed attempt; returns true when it disables the endpoint. */
  failed(now: Date, gone: boolean): boolean {
    this.state.failingSince ??= now.toISOString();
    const tooLong = now.getTime() - new Date(this.state.failingSince).getTime() >= DISABLE_AFTER_FAILING_MS;
    if (this.state.status === 'disabled' || (!gone && !tooLong)) return false;
    this.state.status = 'disabled';
    this.state.disabledReason = gone ? 'endpoint answered 410 Gone' : 'endpoint failing for 5 days';
    return true;
  }
}
