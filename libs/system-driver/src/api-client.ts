/** What a driver reads back from an API: the status and the JSON body (any, so callers read fields freely). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonAnswer = { status: number; body: any };

export type JsonCall = (method: string, path: string, token: string | undefined, body?: unknown, headers?: Record<string, string>) => Promise<JsonAnswer>;

/** Calls a service's API as a client would: bearer token, JSON in, status and JSON out. */
export function jsonClient(baseUrl: string): JsonCall {
  return async (method, path, token, body, headers = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...headers,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
}

/** Like jsonClient, but a status outside 2xx is an error naming the call and the answer. */
export function strictJsonClient(baseUrl: string): JsonCall {
  const call = jsonClient(baseUrl);
  return async (method, path, token, body, headers) => {
    const answer = await call(method, path, token, body, headers);
    if (answer.status < 200 || answer.status >= 300) {
      throw new Error(`${method} ${baseUrl}${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return answer;
  };
}
