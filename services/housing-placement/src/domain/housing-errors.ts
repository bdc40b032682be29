import { FieldViolation } from '@passerelle/domain-kernel';

/** The input breaks a rule (a wrong element, a date outside the window): 422, naming the field. */
export class HousingRuleError extends Error {
  constructor(readonly violations: FieldViolation[]) {
    super(violations.map((v) => v.message).join('; '));
    this.name = 'HousingRuleError';
  }

  static of(field: string, rule: string, message: string): HousingRuleError {
    return new HousingRuleError([{ field, rule, message }]);
  }
}

/** The request or placement is not at a step that allows this action, or the last place is gone: 409. */
export class HousingConflictError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'HousingConflictError';
  }

  static notAllowed(what: string, status: string, action: string): HousingConflictError {
    return new HousingConflictError('status', 'allowsThisStep', `a ${what} that is ${status} cannot be ${action}`);
  }
}
