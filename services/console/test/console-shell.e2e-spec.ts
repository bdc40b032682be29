import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Browser } from 'playwright-core';
import { SERVICE_NAMES, ServiceUrls } from '@passerelle/system-driver';
import { buildConsole, ConsoleServer, expectAccessible, keepScreenshot, openBrowser, openPage, startConsoleServer } from './support';

/** Where no service listens: the shell needs none, and each role's screens are checked by its own flow's test. */
const NOWHERE = Object.fromEntries(SERVICE_NAMES.map((name) => [name, 'http://127.0.0.1:9'])) as ServiceUrls;

/** The console's shell in a real browser: the sign-in page, the way to it, and the accessibility check itself. */
describe('the console shell', () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    const logDir = path.join(__dirname, '../../../.local/logs', `e2e_console_shell_${randomUUID().slice(0, 8)}`);
    // The browser first: if it cannot start, no server is left running behind the failed suite.
    browser = await openBrowser();
    server = await startConsoleServer(logDir, await buildConsole(), NOWHERE);
  });

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  it('sends a visitor with no session to an accessible sign-in page', async () => {
    const { page, pageErrors } = await openPage(browser);
    await page.goto(`${server.url}/prefecture`);
    await page.waitForURL('**/connexion');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Choisir un profil');
    await expectAccessible(page, 'sign-in');
    await keepScreenshot(page, 'sign-in');
    expect(pageErrors).toEqual([]);
  });

  it('tells in words that a sign-in was refused', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel('Départements').fill('999');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Connexion refusée').waitFor();
    expect(new URL(page.url()).pathname).toBe('/connexion');
  });

  it('has an accessibility check that refuses a serious violation', async () => {
    const { page } = await openPage(browser);
    await page.setContent('<!doctype html><html lang="fr"><title>t</title><main><h1>t</h1><button></button><img src="x.png"></main></html>');
    await expect(expectAccessible(page, 'deliberately-broken')).rejects.toThrow(/critical button-name|critical image-alt/);
  });
});
