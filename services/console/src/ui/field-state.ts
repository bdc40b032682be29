import { ApiError } from '../api/api-error';

/** The DSFR state of a form field from a refused call: its messages, shown under the field. */
export function fieldState(error: unknown, field: string): { state?: 'error'; stateRelatedMessage?: string } {
  if (!(error instanceof ApiError)) return {};
  const messages = error.messagesFor(field);
  return messages.length > 0 ? { state: 'error', stateRelatedMessage: messages.join(' ; ') } : {};
}

/** The refusal's messages that name no field of the form, to show above it. */
export function otherMessages(error: unknown, fields: string[]): string[] {
  if (!(error instanceof ApiError)) return error ? [String(error)] : [];
  const named = error.violations.filter((v) => fields.some((f) => v.field === f || v.field.startsWith(`${f}.`)));
  const rest = error.violations.filter((v) => !named.includes(v)).map((v) => v.message);
  return rest.length > 0 || named.length > 0 ? rest : [error.message];
}
