import { DEFERRAL_REASONS, DeferralReasonName, REFUSAL_REASONS, RefusalReasonName } from '@passerelle/contracts';
import { healthDataViolation } from '@passerelle/domain-kernel';
import { HousingRuleError } from '../../domain/housing-errors';
import { CommissionDecision } from '../../domain/housing-request';
import { DecisionRequest } from './housing.requests';

/** The commission's decision as the domain takes it; a reason must belong to its kind of decision. */
export function decisionOf(request: DecisionRequest): CommissionDecision {
  switch (request.decision) {
    case 'orientation': {
      const violation = request.preconisation ? healthDataViolation('preconisation', request.preconisation) : undefined;
      if (violation) throw new HousingRuleError([violation]);
      return { kind: 'orientation', structureType: request.structureType, structureId: request.structureId, preconisation: request.preconisation };
    }
    case 'deferral':
      return { kind: 'deferral', reason: reasonOf(request.reason, DEFERRAL_REASONS) as DeferralReasonName, reconsiderOn: request.reconsiderOn! };
    case 'refusal':
      return { kind: 'refusal', reason: reasonOf(request.reason, REFUSAL_REASONS) as RefusalReasonName };
  }
}

function reasonOf(reason: string | undefined, allowed: readonly string[]): string {
  if (!reason || !allowed.includes(reason)) throw HousingRuleError.of('reason', 'isIn', `reason must be one of ${allowed.join(', ')}`);
  return reason;
}
