import type { Consent, ConsentRecipient } from './referral-types';

export const RECIPIENTS: ConsentRecipient[] = ['siao', 'host_structures', 'health_partners'];
export const DEFAULT_SCOPE = 'Orientation vers un hébergement ou un logement à la sortie';
export const CONSENT_FIELDS = ['decision', 'decidedOn', 'scope', 'recipients', 'consent'];

/** What PUT /v1/referrals/:id/consent asks for (ConsentRequest). */
export interface ConsentForm {
  decision: '' | 'given' | 'refused';
  decidedOn: string;
  scope: string;
  recipients: ConsentRecipient[];
}

/** A new consent starts from today, the usual scope and the SIAO, whom a request cannot go to without. */
export function consentFormOf(consent: Consent | undefined, today: string): ConsentForm {
  return {
    decision: '',
    decidedOn: today,
    scope: consent?.scope ?? DEFAULT_SCOPE,
    recipients: consent && consent.recipients.length > 0 ? [...consent.recipients] : ['siao'],
  };
}

/** A refusal names nobody to share with: its recipients are sent empty whatever was ticked. */
export function consentBody(form: ConsentForm): Record<string, unknown> {
  return {
    decision: form.decision || undefined,
    decidedOn: form.decidedOn,
    scope: form.scope,
    recipients: form.decision === 'refused' ? [] : form.recipients,
  };
}

export type ConsentState = 'none' | 'given' | 'refused' | 'withdrawn';

export function consentState(consent: Consent | undefined): ConsentState {
  if (!consent) return 'none';
  if (consent.withdrawnOn) return 'withdrawn';
  return consent.decision;
}
