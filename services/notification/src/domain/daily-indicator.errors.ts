/** A query for indicators broke a rule of the period: the HTTP adapter answers 400. */
export class IndicatorPeriodError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'IndicatorPeriodError';
  }
}
