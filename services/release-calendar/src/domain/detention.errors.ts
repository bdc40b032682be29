/** A rule of the calendar was broken by the input: the HTTP adapter answers 422. */
export class DetentionRuleError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'DetentionRuleError';
  }
}

export class ReleaseBeforeIncarcerationError extends DetentionRuleError {
  constructor(incarcerationDate: string, releaseDate: string, field = 'expectedReleaseDate') {
    super(field, 'notBeforeIncarceration', `${field} ${releaseDate} is before incarcerationDate ${incarcerationDate}`);
  }
}

/** A release is recorded once it happened, not ahead of time. */
export class FutureReleaseError extends DetentionRuleError {
  constructor(releasedOn: string) {
    super('releasedOn', 'notInTheFuture', `releasedOn ${releasedOn} is after today`);
  }
}

export class UnchangedReleaseDateError extends DetentionRuleError {
  constructor(date: string) {
    super('expectedReleaseDate', 'differsFromCurrent', `expectedReleaseDate is already ${date}`);
  }
}

/** A released or transferred detention's dates are history: 409. */
export class DetentionNotIncarceratedError extends Error {
  constructor(readonly status: string) {
    super(`the detention is ${status}: its release date can no longer change`);
    this.name = 'DetentionNotIncarceratedError';
  }
}
