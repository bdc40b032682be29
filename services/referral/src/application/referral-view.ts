import { Referral, ReferralState } from '../domain/referral';
import { RuleViolation } from '../domain/referral-errors';

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
  const daysToRelease = (Date.parse(`${state.expectedReleaseDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return { referral: state, daysToRelease, alertLevel: referral.highestOpenAlertLevel(), missingForSubmission: referral.missingForSubmission() };
}
