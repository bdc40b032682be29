import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const services = { 'release-calendar': 13001, referral: 13002, 'housing-placement': 13003, notification: 13004 };

/**
 * `npm start` as a newcomer runs it (on the broker and database of this test run, on other ports so
 * a developer's running system is not touched): the four services come up and report healthy.
 */
describe('npm start', () => {
  const state = mkdtempSync(path.join(tmpdir(), 'passerelle-start-'));
  const env = {
    ...process.env,
    PASSERELLE_RUN_DIR: path.join(state, 'run'),
    PASSERELLE_LOG_DIR: path.join(state, 'logs'),
    RELEASE_CALENDAR_PORT: String(services['release-calendar']),
    REFERRAL_PORT: String(services.referral),
    HOUSING_PLACEMENT_PORT: String(services['housing-placement']),
    NOTIFICATION_PORT: String(services.notification),
    LOG_LEVEL: 'warn',
  };

  afterAll(() => {
    execFileSync('bash', [path.join(root, 'scripts/stop.sh'), '--services-only'], { env, stdio: 'inherit' });
  });

  it('brings the four services up, each answering /health with database and kafka up', async () => {
    const output = execFileSync('npm', ['start', '--', '--detach'], { cwd: root, env, encoding: 'utf8', timeout: 240_000 });
    expect(output).toContain('all services healthy');
    for (const [name, port] of Object.entries(services)) {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
      expect(await response.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, kafka: { status: 'up' } } });
      expect(output).toContain(`http://127.0.0.1:${port}`);
    }
  });
});
