/** serialization_failure and deadlock_detected: PostgreSQL rolled the transaction back, nothing of it was kept. */
const LOCK_CONFLICT_SQLSTATES = new Set(['40001', '40P01']);
const TRANSIENT_SQLSTATES = new Set([...LOCK_CONFLICT_SQLSTATES, '57P01', '57P02', '57P03', '53300']);
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_MESSAGES = /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i;

/**
 * True for failures of the infrastructure rather than of the event: the database restarting,
 * a lost connection, a deadlock. Those are retried until they pass instead of dead-lettering
 * a good event, which would lose its effect.
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return errorAndDriverError(error).some((candidate) => {
    if (!candidate) return false;
    const code = candidate.code ?? '';
    return code.startsWith('08') || TRANSIENT_SQLSTATES.has(code) || TRANSIENT_NODE_CODES.has(code) || TRANSIENT_MESSAGES.test(candidate.message);
  });
}

/** A transaction that lost a deadlock or a serialization conflict: running it again may succeed. */
export function isLockConflict(error: unknown): boolean {
  return errorAndDriverError(error).some((candidate) => LOCK_CONFLICT_SQLSTATES.has(candidate.code ?? ''));
}

/** pg's error, or TypeORM's QueryFailedError wrapping it as `driverError`: either may carry the SQLSTATE. */
function errorAndDriverError(error: unknown): Array<Error & { code?: string }> {
  if (typeof error !== 'object' || error === null) return [];
  const candidate = error as Error & { code?: string; driverError?: Error & { code?: string } };
  return candidate.driverError ? [candidate, candidate.driverError] : [candidate];
}
