/**
 * A département's calendar: how long before the expected release the SIAO request opens
 * (6 months by default, 3–4 in some territories) and the days before release at which the
 * approach of the release is announced.
 */
export interface DepartementSettings {
  windowMonths: number;
  milestoneDays: number[];
}

export const DEFAULT_DEPARTEMENT_SETTINGS: DepartementSettings = { windowMonths: 6, milestoneDays: [90, 30, 7, 1] };

export class InvalidSettingsError extends Error {
  readonly rule = 'departementSettings';

  constructor(
    readonly field: 'windowMonths' | 'milestoneDays',
    message: string,
  ) {
    super(message);
    this.name = 'InvalidSettingsError';
  }
}

export function departementSettings(windowMonths: number, milestoneDays: number[]): DepartementSettings {
  if (!Number.isInteger(windowMonths) || windowMonths < 1 || windowMonths > 12) {
    throw new InvalidSettingsError('windowMonths', 'windowMonths must be a whole number of months from 1 to 12');
  }
  const unique = [...new Set(milestoneDays)];
  if (unique.length !== milestoneDays.length || unique.some((days) => !Number.isInteger(days) || days < 1 || days > 366)) {
    throw new InvalidSettingsError('milestoneDays', 'milestoneDays must be distinct whole numbers of days from 1 to 366');
  }
  return { windowMonths, milestoneDays: unique.sort((a, b) => b - a) };
}
