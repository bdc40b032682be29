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

/** One HTTP call with the shared agent: the status and the body as text. */
export function httpCall(method: string, url: string, options: { token?: string; body?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; text: string }> {
  const { token, body, contentType = 'application/json', headers = {} } = options;
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method,
      agent,
      headers: {
        ...headers,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': contentType, 'content-length': Buffer.byteLength(body) }),
      },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', (error) => reject(new Error(`${method} ${url} failed`, { cause: error })));
    request.end(body);
  });
}

/** Calls a service's API as a client would: bearer token, JSON in, status and JSON out. */
export function jsonClient(baseUrl: string): JsonCall {
  return async (method, path, token, body, headers) => {
    const answer = await httpCall(method, `${baseUrl}${path}`, { token, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: answer.status, body: parsedOrUndefined(answer.text) };
  };
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
