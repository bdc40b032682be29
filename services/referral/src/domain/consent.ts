import { healthDataViolation } from '@passerelle/domain-kernel';
import { ReferralRuleError } from './referral-errors';

export type ConsentRecipient = 'siao' | 'host_structures' | 'health_partners';

/**
 * The person's consent to share their file (art. L1110-4 CSP): given or refused on a date, for
 * categories of recipients; it can be withdrawn. Nothing leaves the SPIP without it.
 */
export interface Consent {
  decision: 'given' | 'refused';
  decidedOn: string;
  /** What the sharing is for, in the person's words as the officer recorded them. */
  scope: string;
  recipients: ConsentRecipient[];
  withdrawnOn?: string;
}

export function consentGiven(decidedOn: string, scope: string, recipients: ConsentRecipient[], today: string): Consent {
  notInTheFuture('decidedOn', decidedOn, today);
  freeOfHealthData(scope);
  if (recipients.length === 0) throw ReferralRuleError.of('recipients', 'notEmpty', 'recipients must name at least one category');
  return { decision: 'given', decidedOn, scope, recipients: [...new Set(recipients)] };
}

export function consentRefused(decidedOn: string, scope: string, today: string): Consent {
  notInTheFuture('decidedOn', decidedOn, today);
  freeOfHealthData(scope);
  return { decision: 'refused', decidedOn, scope, recipients: [] };
}

export function withdrawConsent(consent: Consent | undefined, withdrawnOn: string, today: string): Consent {
  notInTheFuture('withdrawnOn', withdrawnOn, today);
  if (!isInForce(consent)) throw ReferralRuleError.of('consent', 'inForce', 'there is no consent in force to withdraw');
  if (withdrawnOn < consent.decidedOn) throw ReferralRuleError.of('withdrawnOn', 'notBeforeConsent', `withdrawnOn is before the consent of ${consent.decidedOn}`);
  return { ...consent, recipients: [...consent.recipients], withdrawnOn };
}

export function isInForce(consent: Consent | undefined): consent is Consent {
  return consent?.decision === 'given' && consent.withdrawnOn === undefined;
}

export function allowsSharingWith(consent: Consent | undefined, recipient: ConsentRecipient): boolean {
  return isInForce(consent) && consent.recipients.includes(recipient);
}

function freeOfHealthData(scope: string): void {
  const violation = healthDataViolation('scope', scope);
  if (violation) throw new ReferralRuleError([violation]);
}

function notInTheFuture(field: string, date: string, today: string): void {
  if (date > today) throw ReferralRuleError.of(field, 'notInTheFuture', `${field} ${date} is after today ${today}`);
}
