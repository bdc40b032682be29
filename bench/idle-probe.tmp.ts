import 'reflect-metadata';
import * as fs from 'node:fs';
import { execSync } from 'node:child_process';
import { SystemProcesses } from '@passerelle/system-driver';
import { uniqueName } from '@passerelle/testing';

function cpuOf(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}
function pidsOf(pattern: string): number[] {
  try { return execSync(`pgrep -f '${pattern}'`, { encoding: 'utf8' }).trim().split('\n').map(Number); } catch { return []; }
}
async function main() {
  const system = await SystemProcesses.start({ runId: uniqueName('idle'), logDir: '/tmp/probe/logs' });
  await new Promise((r) => setTimeout(r, 15000));
  const groups: Record<string, number[]> = {
    kafka: pidsOf('kafka.Kafka'), postgres: pidsOf('postgres'),
  };
  for (const name of ['release-calendar', 'referral', 'housing-placement', 'notification'] as const) groups[name] = system.instancesOf(name).map((i) => i.pid);
  const before = Object.fromEntries(Object.entries(groups).map(([k, ps]) => [k, ps.reduce((s, p) => { try { return s + cpuOf(p); } catch { return s; } }, 0)]));
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, 30000));
  const secs = (Date.now() - t0) / 1000;
  for (const [k, ps] of Object.entries(groups)) {
    const after = ps.reduce((s, p) => { try { return s + cpuOf(p); } catch { return s; } }, 0);
    console.log(k.padEnd(20), ((after - before[k]) / secs).toFixed(1), 'ms CPU/s');
  }
  await system.stop();
}
void main();
