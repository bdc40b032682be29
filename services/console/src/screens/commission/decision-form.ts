/** The commission's decision form and the body of POST /v1/sessions/:id/decisions it makes. */
export type DecisionKind = 'orientation' | 'deferral' | 'refusal';

export interface DecisionForm {
  kind: DecisionKind;
  structureType: string;
  structureId: string;
  preconisation: string;
  deferralReason: string;
  reconsiderOn: string;
  refusalReason: string;
}

export const EMPTY_DECISION: DecisionForm = {
  kind: 'orientation', structureType: '', structureId: '', preconisation: '', deferralReason: '', reconsiderOn: '', refusalReason: '',
};

export interface DecisionBody {
  requestId: string;
  decision: DecisionKind;
  structureType?: string;
  structureId?: string;
  preconisation?: string;
  reason?: string;
  reconsiderOn?: string;
}

const filled = (text: string) => (text.trim() ? text.trim() : undefined);

/**
 * Only the fields of the chosen decision go out, blank ones left out: the server judges the rest
 * (a type or a structure for an orientation, a reason of the right kind, a date in the future).
 */
export function decisionBody(requestId: string, form: DecisionForm): DecisionBody {
  switch (form.kind) {
    case 'orientation':
      return dropUndefined({
        requestId, decision: 'orientation', structureType: filled(form.structureType), structureId: filled(form.structureId), preconisation: filled(form.preconisation),
      });
    case 'deferral':
      return dropUndefined({ requestId, decision: 'deferral', reason: filled(form.deferralReason), reconsiderOn: filled(form.reconsiderOn) });
    case 'refusal':
      return dropUndefined({ requestId, decision: 'refusal', reason: filled(form.refusalReason) });
  }
}

function dropUndefined<T extends object>(body: T): T {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as T;
}

/** The completeness check's missing items, one per line, as POST /v1/requests/:id/return takes them. */
export function missingItems(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The session's members, one per line or separated by commas, without repeats. */
export function membersOf(text: string): string[] {
  return [...new Set(text.split(/[\n,]/).map((m) => m.trim()).filter(Boolean))];
}
