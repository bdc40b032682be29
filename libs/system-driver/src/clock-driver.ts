import { jsonClient, strictJsonClient } from './api-client';
import { SERVICE_NAMES, ServiceName, ServiceUrls } from './services';
import { tokens } from './tokens';

/** The sweeps that act on "today": each service's own, run after the clocks move. */
const SWEEPS: Partial<Record<ServiceName, string>> = {
  'release-calendar': '/v1/admin/sweep',
  referral: '/v1/admin/stall-sweep',
  'housing-placement': '/v1/admin/lapse-sweep',
};

/**
 * Moves "now" in every service process (each keeps its own clock) to `instant`, then runs the
 * sweeps, release-calendar's first, so the day's windows, milestones and releases happen.
 * `extraUrls` are further instances of a service, whose clocks must move too.
 */
export async function letTimePassTo(urls: ServiceUrls, instant: string, extraUrls: string[] = []): Promise<void> {
  const admin = tokens.admin();
  for (const url of [...SERVICE_NAMES.map((name) => urls[name]), ...extraUrls]) {
    await strictJsonClient(url)('PUT', '/v1/admin/clock', admin, { now: instant });
  }
  for (const name of SERVICE_NAMES) {
    const path = SWEEPS[name];
    if (path) await strictJsonClient(urls[name])('POST', path, admin);
  }
}

/** The calendar date (Europe/Paris) the release-calendar service takes as today. */
export async function todayOf(urls: ServiceUrls): Promise<string> {
  const answer = await jsonClient(urls['release-calendar'])('GET', '/v1/admin/clock', tokens.admin());
  return answer.body.today;
}

/** Noon in Paris on a calendar date, as an ISO instant: a safe "now" for a simulated day. */
export function parisNoon(date: string): string {
  return `${date}T12:00:00+01:00`;
}
