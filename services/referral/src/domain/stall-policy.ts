import type { AlertKind } from './referral-alerts';
import type { ReferralStatus } from './referral';
import { daysBetween } from '@passerelle/domain-kernel';
import { workingDaysBetween } from './working-days';

/** How long a request may wait before the field is alerted (DOMAIN.md, "request stalled"). */
export interface StallPolicy {
  /** Calendar days a request may stay to complete at the SPIP. */
  incompleteDays: number;
  /** Working days a submitted request may wait for the commission's decision. */
  noDecisionWorkingDays: number;
}

export const DEFAULT_STALL_POLICY: StallPolicy = { incompleteDays: 14, noDecisionWorkingDays: 10 };

export type StallAlert = Extract<AlertKind, 'stalled_incomplete' | 'stalled_no_decision'>;

export function stalledAlertDue(status: ReferralStatus, waitingSince: string, today: string, policy: StallPolicy): StallAlert | undefined {
  if (status === 'to_complete' && daysBetween(waitingSince, today) > policy.incompleteDays) return 'stalled_incomplete';
  if ((status === 'submitted' || status === 'scheduled') && workingDaysBetween(waitingSince, today) > policy.noDecisionWorkingDays) {
    return 'stalled_no_decision';
  }
  return undefined;
}
