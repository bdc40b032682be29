import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

/** A size or count from the environment (BENCH_EVENTS, BENCH_DETENTIONS…), or its default. */
export function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** Takes the broker and database of deploy/local/infra.sh when the environment names none (it does not start them). */
export function ensureInfraEnv(): void {
  if (process.env.KAFKA_BROKERS && process.env.DATABASE_URL) return;
  const infraEnv = execFileSync('bash', [path.join(ROOT, 'deploy/local/infra.sh'), 'env'], { encoding: 'utf8' });
  for (const [, name, value] of infraEnv.matchAll(/^export (\w+)=(.*)$/gm)) process.env[name] ??= value.replace(/^['"]|['"]$/g, '');
}

/** mulberry32: the same data for the same seed, so runs compare. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
