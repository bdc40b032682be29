/**
 * A bearer token was refused. `reason` is short and safe to return to the caller and to log:
 * it never contains the token or any of its claims' values.
 */
export class AuthenticationError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'AuthenticationError';
  }
}
