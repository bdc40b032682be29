/** One broken rule of a request, as every Passerelle service names it in a 400, 409 or 422. */
export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/** A refused call: its status, the server's message and the fields it named. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly violations: FieldViolation[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The messages about one field (and its sub-fields: `household.adults` for `household`). */
  messagesFor(field: string): string[] {
    return this.violations.filter((v) => v.field === field || v.field.startsWith(`${field}.`)).map((v) => v.message);
  }
}

/** Reads a service's error body: `{ message, violations }`, where message may be a list. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const record = (body && typeof body === 'object' ? body : {}) as { message?: unknown; violations?: unknown };
  const message = Array.isArray(record.message) ? record.message.join(' ; ') : String(record.message ?? `Erreur ${status}`);
  const violations = Array.isArray(record.violations) ? (record.violations as FieldViolation[]) : [];
  return new ApiError(status, message, violations);
}
