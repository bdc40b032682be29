import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strictJsonClient, tokens } from '@passerelle/system-driver';

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

  /** What the demo holds in one of its départements, read through the APIs. */
  async function demoOf(departement: string) {
    const detentions = await strictJsonClient(`http://127.0.0.1:${services['release-calendar']}`)('GET', `/v1/detentions?departement=${departement}&pageSize=1`, tokens.of('spip', [departement]));
    const structures = await strictJsonClient(`http://127.0.0.1:${services['housing-placement']}`)('GET', `/v1/structures?departement=${departement}`, tokens.of('siao', [departement]));
    return { detentions: detentions.body.total, structures: structures.body.length };
  }

  const demo = async () => [await demoOf('13'), await demoOf('31'), await demoOf('59')];

  it('loads the demo territory once, prints a token per role and the story command; a second start adds nothing', async () => {
    const loaded = await demo();
    expect(loaded).toEqual([{ detentions: 500, structures: 20 }, { detentions: 500, structures: 20 }, { detentions: 500, structures: 20 }]);
    const again = execFileSync('npm', ['start', '--', '--detach'], { cwd: root, env, encoding: 'utf8', timeout: 240_000 });
    for (const role of ['spip', 'siao', 'structure', 'prefecture', 'admin']) expect(again).toMatch(new RegExp(`^  ${role} +ey`, 'm'));
    expect(again).toContain('npm run story');
    expect(again.match(/\(already there\)/g)).toHaveLength(3);
    // execFileSync held the event loop: let the client see the kept-alive sockets the services closed meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await demo()).toEqual(loaded);
  });
});
