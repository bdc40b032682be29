import { WebhookSettings } from './application/ports/webhook.ports';
import { DEFAULT_RETRY_SCHEDULE_MS } from './domain/webhooks/retry-schedule';

const ADDRESS_KINDS = ['loopback', 'private', 'link-local', 'reserved'] as const;

/**
 * WEBHOOK_RETRY_SCHEDULE_MS (comma-separated delays, the first try included), WEBHOOK_TIMEOUT_MS,
 * WEBHOOK_SECRET_GRACE_HOURS, WEBHOOK_DISPATCH_EVERY_MS (0 turns the sender off) and
 * WEBHOOK_ALLOWED_ADDRESS_KINDS (e.g. `loopback` for a development receiver) override the defaults.
 */
export function webhookSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  const kinds = (env.WEBHOOK_ALLOWED_ADDRESS_KINDS ?? '').split(',').map((kind) => kind.trim()).filter(Boolean);
  const unknown = kinds.find((kind) => !(ADDRESS_KINDS as readonly string[]).includes(kind));
  if (unknown) throw new Error(`WEBHOOK_ALLOWED_ADDRESS_KINDS: "${unknown}" is not one of ${ADDRESS_KINDS.join(', ')}`);
  if (kinds.length > 0 && env.NODE_ENV === 'production') throw new Error('WEBHOOK_ALLOWED_ADDRESS_KINDS is refused in production');
  return {
    retryScheduleMs: env.WEBHOOK_RETRY_SCHEDULE_MS ? env.WEBHOOK_RETRY_SCHEDULE_MS.split(',').map((ms) => whole(ms, 'WEBHOOK_RETRY_SCHEDULE_MS')) : DEFAULT_RETRY_SCHEDULE_MS,
    timeoutMs: whole(env.WEBHOOK_TIMEOUT_MS ?? '15000', 'WEBHOOK_TIMEOUT_MS'),
    secretGraceMs: whole(env.WEBHOOK_SECRET_GRACE_HOURS ?? '24', 'WEBHOOK_SECRET_GRACE_HOURS') * 3_600_000,
    dispatchEveryMs: whole(env.WEBHOOK_DISPATCH_EVERY_MS ?? '250', 'WEBHOOK_DISPATCH_EVERY_MS'),
    allowedAddressKinds: new Set(kinds as (typeof ADDRESS_KINDS)[number][]),
  };
}

function whole(value: string, name: string): number {
  const parsed = Number(value.trim());
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be whole numbers >= 0, got "${value}"`);
  return parsed;
}
