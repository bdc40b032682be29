import { apiErrorFrom } from './api-error';

/** The services the console talks to; the console's server forwards /api/<service>/ to each. */
export type ServiceName = 'release-calendar' | 'referral' | 'housing-placement' | 'notification';

export type Query = Record<string, string | number | boolean | undefined>;

let currentToken: string | undefined;

/** The signed-in user's bearer token, sent with every call. */
export function setBearerToken(token: string | undefined): void {
  currentToken = token;
}

export function bearerToken(): string | undefined {
  return currentToken;
}

export function serviceUrl(service: ServiceName, path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `/api/${service}${path}${search ? `?${search}` : ''}`;
}

async function call<T>(method: string, service: ServiceName, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-correlation-id': crypto.randomUUID() };
  if (currentToken) headers.authorization = `Bearer ${currentToken}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(serviceUrl(service, path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw apiErrorFrom(response.status, parsed);
  return parsed as T;
}

/** Calls of one service's public API with the user's token. */
export function api(service: ServiceName) {
  return {
    get: <T>(path: string, query?: Query) => call<T>('GET', service, path, undefined, query),
    post: <T>(path: string, body: unknown = {}) => call<T>('POST', service, path, body),
    put: <T>(path: string, body: unknown) => call<T>('PUT', service, path, body),
    patch: <T>(path: string, body: unknown) => call<T>('PATCH', service, path, body),
    delete: <T>(path: string) => call<T>('DELETE', service, path),
  };
}

/** A page of a list, as the services answer it. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
