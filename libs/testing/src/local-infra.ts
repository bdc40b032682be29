import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const infraScript = path.resolve(__dirname, '../../../deploy/local/infra.sh');

/** True when npm test started the broker and database itself, so tests may stop and kill them. */
export function localInfraIsOurs(): boolean {
  return process.env.PASSERELLE_LOCAL_INFRA === '1';
}

/** Fault injection on the project's own broker and database (deploy/local/infra.sh). */
export const localInfra = {
  stopKafka: () => run('kafka-stop'),
  killKafka: () => run('kafka-kill'),
  startKafka: () => run('kafka-start'),
  restartPostgres: () => run('pg-restart'),
};

function run(command: string): void {
  execFileSync('bash', [infraScript, command], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, KAFKA_BROKERS: '', DATABASE_URL: '' } });
}
