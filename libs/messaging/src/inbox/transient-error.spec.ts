import { isTransientInfrastructureError } from './transient-error';

function withCode(code: string, message = 'failure'): Error {
  return Object.assign(new Error(message), { code });
}

describe('isTransientInfrastructureError', () => {
  it.each([
    ['40001', 'serialization failure'],
    ['40P01', 'deadlock detected'],
    ['57P01', 'admin shutdown'],
    ['57P02', 'crash shutdown'],
    ['57P03', 'cannot connect now'],
    ['53300', 'too many connections'],
    ['08006', 'connection failure (class 08)'],
    ['08000', 'connection exception (class 08)'],
    ['ECONNREFUSED', 'connection refused'],
    ['ECONNRESET', 'connection reset'],
    ['ETIMEDOUT', 'timeout'],
    ['EPIPE', 'broken pipe'],
    ['ENOTFOUND', 'unknown host'],
    ['EAI_AGAIN', 'DNS lookup to retry'],
  ])('retries code %s (%s)', (code) => {
    expect(isTransientInfrastructureError(withCode(code))).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'Client has encountered a connection error and is not queryable',
    'timeout exceeded when trying to connect',
    'the database system is starting up',
    'The database system is shutting down',
  ])('retries the message %j', (message) => {
    expect(isTransientInfrastructureError(new Error(message))).toBe(true);
  });

  it('looks into the driverError of a TypeORM QueryFailedError', () => {
    const queryFailed = Object.assign(new Error('query failed'), { driverError: withCode('40P01', 'deadlock detected') });
    expect(isTransientInfrastructureError(queryFailed)).toBe(true);
  });

  it.each([
    ['23505', 'unique violation'],
    ['23503', 'foreign key violation'],
    ['42P01', 'undefined table'],
    ['22P02', 'invalid text representation'],
    ['ERR_ASSERTION', 'a Node error code that is not about the network'],
  ])('does not retry code %s (%s)', (code) => {
    expect(isTransientInfrastructureError(withCode(code))).toBe(false);
  });

  it('does not retry a plain error of the handler, nor one whose driverError is not transient', () => {
    expect(isTransientInfrastructureError(new Error('handler refuses note poison'))).toBe(false);
    expect(isTransientInfrastructureError(Object.assign(new Error('query failed'), { driverError: withCode('23505') }))).toBe(false);
  });

  it.each([null, undefined, 'ECONNRESET', { code: 'ECONNRESET', message: 'not an Error' }])('does not retry the non-Error %j', (thrown) => {
    expect(isTransientInfrastructureError(thrown)).toBe(false);
  });
});
