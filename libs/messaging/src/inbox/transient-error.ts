const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '57P01', '57P02', '57P03', '53300']);
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_MESSAGES = /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i;

/**
 * True for failures of the infrastructure rather than of the event: the database restarting,
 * a lost connection, a deadlock. Those are retried until they pass instead of dead-lettering
 * a good event, which would lose its effect.
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const candidates = [error as Error & { code?: string }, (error as { driverError?: Error & { code?: string } }).driverError];
  return candidates.some((candidate) => {
    if (!candidate) return false;
    const code = candidate.code ?? '';
    return code.startsWith('08') || TRANSIENT_SQLSTATES.has(code) || TRANSIENT_NODE_CODES.has(code) || TRANSIENT_MESSAGES.test(candidate.message);
  });
}
