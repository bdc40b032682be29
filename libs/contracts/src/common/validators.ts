import { registerDecorator, ValidationOptions } from 'class-validator';

const DEPARTEMENT = /^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDepartementCode(value: unknown): value is string {
  return typeof value === 'string' && value !== '20' && DEPARTEMENT.test(value);
}

/** A real calendar date written YYYY-MM-DD (no time, no zone): 2025-02-29 is refused. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function predicate(name: string, test: (value: unknown) => boolean, message: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message: `$property ${message}`, ...options },
        validator: { validate: test },
      });
}

/** French département code: 01–95 (without 20), 2A, 2B, 971–976. */
export const IsDepartementCode = predicate('isDepartementCode', isDepartementCode, 'must be a département code (01–95, 2A, 2B, 971–976)');

export const IsCalendarDate = predicate('isCalendarDate', isCalendarDate, 'must be a real calendar date YYYY-MM-DD');
