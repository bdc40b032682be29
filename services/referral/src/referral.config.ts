import { DEFAULT_STALL_POLICY, StallPolicy } from './domain/stall-policy';

/** STALL_INCOMPLETE_DAYS and STALL_NO_DECISION_WORKING_DAYS override the field's defaults (14 and 10). */
export function stallPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): StallPolicy {
  return {
    incompleteDays: positiveInteger(env.STALL_INCOMPLETE_DAYS, DEFAULT_STALL_POLICY.incompleteDays, 'STALL_INCOMPLETE_DAYS'),
    noDecisionWorkingDays: positiveInteger(env.STALL_NO_DECISION_WORKING_DAYS, DEFAULT_STALL_POLICY.noDecisionWorkingDays, 'STALL_NO_DECISION_WORKING_DAYS'),
  };
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number of days, got "${value}"`);
  return parsed;
}
