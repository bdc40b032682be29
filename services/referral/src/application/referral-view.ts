import { Referral, ReferralState } from '../domain/referral';
import { RuleViolation } from '../domain/referral-errors';
import { daysBetween } from '@passerelle/domain-kernel';

export interface ReferralView {
  referral: ReferralState;
  /** Calendar days from today to the expected release: what the caseload is sorted by. */
  daysToRelease: number;
  alertLevel?: ReturnType<Referral['highestOpenAlertLevel']>;
  /** What a submission would still refuse, so the officer sees what to complete. */
  missingForSubmission: RuleViolation[];
}

export function viewOf(referral: Referral, today: string): ReferralView {
  const state = referral.snapshot();
  const daysToRelease = daysBetween(today, state.expectedReleaseDate);
  return { referral: state, daysToRelease, alertLevel: referral.highestOpenAlertLevel(), missingForSubmission: referral.missingForSubmission() };
}
