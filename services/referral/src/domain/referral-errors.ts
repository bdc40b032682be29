/** One broken rule, named by its field, as the HTTP adapter reports it. */
export interface RuleViolation {
  field: string;
  rule: string;
  message: string;
}

/** The input breaks a rule of the file (a wrong or missing element): 422. */
export class ReferralRuleError extends Error {
  constructor(readonly violations: RuleViolation[]) {
    super(violations.map((v) => v.message).join('; '));
    this.name = 'ReferralRuleError';
  }

  static of(field: string, rule: string, message: string): ReferralRuleError {
    return new ReferralRuleError([{ field, rule, message }]);
  }
}

/** The request is not in a state that allows this step (submitted twice, edited while at the SIAO): 409. */
export class ReferralStateError extends Error {
  constructor(
    readonly status: string,
    readonly action: string,
  ) {
    super(`a referral that is ${status} cannot be ${action}`);
    this.name = 'ReferralStateError';
  }
}
