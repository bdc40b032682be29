import { ServerResponse } from 'node:http';
import { listStructuresFor } from './dev-structures';

/** Just what the handler writes: the status and the JSON body. */
function recorder() {
  const answer = { status: 0, body: undefined as unknown };
  const res = {
    writeHead: (status: number) => { answer.status = status; },
    end: (text: string) => { answer.body = JSON.parse(text); },
  } as unknown as ServerResponse;
  return { res, answer };
}

describe('the sign-in’s development list of structures', () => {
  const environment = process.env.NODE_ENV;
  afterEach(() => { process.env.NODE_ENV = environment; });

  it('does not exist in production', async () => {
    process.env.NODE_ENV = 'production';
    const { res, answer } = recorder();
    await listStructuresFor(new URL('http://console/dev/structures?departement=13'), 'http://127.0.0.1:1', res);
    expect(answer.status).toBe(404);
  });

  it('asks for a valid département code before calling housing-placement', async () => {
    const { res, answer } = recorder();
    await listStructuresFor(new URL('http://console/dev/structures?departement=1'), 'http://127.0.0.1:1', res);
    expect(answer).toEqual({ status: 400, body: expect.objectContaining({ message: expect.stringMatching(/code de département valide/) }) });
  });
});
