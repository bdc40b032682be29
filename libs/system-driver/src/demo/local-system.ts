import { DEFAULT_PORTS, localUrls, SERVICE_NAMES, ServiceName, ServiceUrls } from '../services';

/** The URLs of the system `npm start` runs: the default ports, or RELEASE_CALENDAR_PORT and the like (scripts/lib.sh). */
export function startedSystemUrls(env: NodeJS.ProcessEnv = process.env): ServiceUrls {
  const portOf = (name: ServiceName) => Number(env[`${name.toUpperCase().replace(/-/g, '_')}_PORT`] ?? DEFAULT_PORTS[name]);
  return localUrls(Object.fromEntries(SERVICE_NAMES.map((name) => [name, portOf(name)])) as Record<ServiceName, number>);
}
