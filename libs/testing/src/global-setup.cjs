// Makes sure the tests have a real Kafka broker and a real PostgreSQL, once per Jest run:
// 1. KAFKA_BROKERS and DATABASE_URL already set (npm test, CI, a developer's own): use them;
// 2. else a Docker engine that testcontainers can reach: start Kafka 3.9 and PostgreSQL 15 there;
// 3. else the project's own scripts (deploy/local/infra.sh) start them from Maven Central jars.
// Workers inherit the resulting environment.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');

module.exports = async function globalSetup() {
  if (process.env.KAFKA_BROKERS && process.env.DATABASE_URL) return;
  if (await dockerEngineAvailable()) return startContainers();
  const infra = path.join(root, 'deploy/local/infra.sh');
  execFileSync('bash', [infra, 'up'], { stdio: ['ignore', 2, 2] });
  applyExports(execFileSync('bash', [infra, 'env'], { encoding: 'utf8' }));
};

async function dockerEngineAvailable() {
  if (process.env.PASSERELLE_NO_TESTCONTAINERS === '1') return false;
  try {
    const { getContainerRuntimeClient } = require('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

async function startContainers() {
  const { GenericContainer, Wait } = require('testcontainers');
  const postgres = await new GenericContainer('postgres:15')
    .withEnvironment({ POSTGRES_USER: 'passerelle', POSTGRES_PASSWORD: 'passerelle', POSTGRES_DB: 'passerelle' })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/ready to accept connections/, 2))
    .start();
  const kafkaPort = 19092;
  const kafka = await new GenericContainer('apache/kafka:3.9.1')
    .withExposedPorts({ container: kafkaPort, host: kafkaPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://:${kafkaPort},CONTROLLER://:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${kafkaPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  process.env.DATABASE_URL = `postgres://passerelle:passerelle@${postgres.getHost()}:${postgres.getMappedPort(5432)}/passerelle`;
  process.env.KAFKA_BROKERS = `127.0.0.1:${kafkaPort}`;
  globalThis.__PASSERELLE_CONTAINERS__ = [postgres, kafka];
}

function applyExports(text) {
  for (const match of text.matchAll(/^export (\w+)=(.*)$/gm)) {
    process.env[match[1]] = match[2].replace(/^['"]|['"]$/g, '');
  }
}
