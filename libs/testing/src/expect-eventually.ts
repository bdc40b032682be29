/**
 * Retries an assertion until it passes or the time is up, then rethrows its last failure.
 * The way to wait for asynchronous effects (Kafka, relays) without sleeping for a guess.
 */
export async function expectEventually<T>(assertion: () => Promise<T> | T, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const interval = options.intervalMs ?? 100;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}
