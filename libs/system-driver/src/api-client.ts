import * as http from 'node:http';

/** What a driver reads back from an API: the status and the JSON body (any, so callers read fields freely). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonAnswer = { status: number; body: any };

export type JsonCall = (method: string, path: string, token: string | undefined, body?: unknown, headers?: Record<string, string>) => Promise<JsonAnswer>;

/**
 * Kept-alive connections for every client of this process. node:http rather than fetch: the
 * benchmarks drive the services from the same cores they measure, and fetch cost about twice the
 * CPU per call. An idle socket is closed after 4 s, before the services' own 5 s keep-alive
 * timeout, so a request never goes out on a socket the server is closing.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });

/** Calls a service's API as a client would: bearer token, JSON in, status and JSON out. */
export function jsonClient(baseUrl: string): JsonCall {
  return (method, path, token, body, headers = {}) => new Promise<JsonAnswer>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = http.request(`${baseUrl}${path}`, {
      method,
      agent,
      headers: {
        ...headers,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
      },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: parsedOrUndefined(Buffer.concat(chunks).toString('utf8')) }));
      response.on('error', reject);
    });
    request.on('error', (error) => reject(new Error(`${method} ${baseUrl}${path} failed`, { cause: error })));
    request.end(payload);
  });
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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
