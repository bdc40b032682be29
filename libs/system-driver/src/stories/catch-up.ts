import { ServiceName, ServiceUrls } from '../services';
import { until } from './until';

const CONSUMERS: ServiceName[] = ['referral', 'housing-placement', 'notification'];
const LAG = /^passerelle_consumer_lag\{[^}]*\} (\d+)/;

/** Records each consuming service is behind, as its /metrics last sampled it (undefined before a first sample). */
export async function consumerLags(urls: ServiceUrls): Promise<Partial<Record<ServiceName, number>>> {
  const lags: Partial<Record<ServiceName, number>> = {};
  for (const name of CONSUMERS) {
    const text = await (await fetch(`${urls[name]}/metrics`)).text();
    const samples = text.split('\n').map((line) => LAG.exec(line)).filter((match) => match !== null);
    if (samples.length > 0) lags[name] = samples.reduce((sum, match) => sum + Number(match[1]), 0);
  }
  return lags;
}

/**
 * Waits until the consumers have caught up with the topics (after loading the demo territory, the
 * notification service has thousands of events to count): a story's steps then wait only for
 * their own events. `log` hears how far behind they are while waiting.
 */
export async function waitCaughtUp(urls: ServiceUrls, log: (line: string) => void = () => undefined, timeoutMs = 600_000): Promise<void> {
  let lastLog = 0;
  await until('the services to catch up with the topics', async () => {
    const lags = await consumerLags(urls);
    const behind = CONSUMERS.filter((name) => lags[name] === undefined || lags[name]! > 0);
    if (behind.length === 0) return true;
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`waiting for the services to catch up: ${behind.map((name) => `${name} ${lags[name] ?? '?'} events behind`).join(', ')}`);
    }
    return undefined;
  }, timeoutMs);
}
