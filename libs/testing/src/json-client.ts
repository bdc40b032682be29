/** What a test reads back from an API: the status and the JSON body (any, so tests read fields freely). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonAnswer = { status: number; body: any };

/** Calls a service's API as a client would: bearer token, JSON in, status and JSON out. */
export function jsonClient(baseUrl: string) {
  return async (method: string, path: string, token: string | undefined, body?: unknown): Promise<JsonAnswer> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
}
