/** The four services of Passerelle, in the order they start. */
export const SERVICE_NAMES = ['release-calendar', 'referral', 'housing-placement', 'notification'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Where each service answers: one base URL per service (the first instance when there are several). */
export type ServiceUrls = Record<ServiceName, string>;

export const DEFAULT_PORTS: Record<ServiceName, number> = {
  'release-calendar': 3001,
  referral: 3002,
  'housing-placement': 3003,
  notification: 3004,
};

export function localUrls(ports: Record<ServiceName, number> = DEFAULT_PORTS): ServiceUrls {
  return Object.fromEntries(SERVICE_NAMES.map((name) => [name, `http://127.0.0.1:${ports[name]}`])) as ServiceUrls;
}
