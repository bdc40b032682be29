import { randomUUID } from 'node:crypto';
import { Browser } from 'playwright-core';
import { ConsoleSystem, expectAccessible, keepScreenshot, openBrowser, openPage, signIn, startConsoleSystem } from './support';

/** The console's shell in a real browser against the four services: sign-in, each role's home, the API behind it. */
describe('the console shell', () => {
  let console_: ConsoleSystem;
  let browser: Browser;

  beforeAll(async () => {
    [console_, browser] = await Promise.all([startConsoleSystem(`e2e_console_shell_${randomUUID().slice(0, 8)}`), openBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await console_?.stop();
  });

  it('offers an accessible sign-in page', async () => {
    const { page, pageErrors } = await openPage(browser);
    await page.goto(`${console_.consoleUrl}/prefecture`);
    await page.waitForURL('**/connexion');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Choisir un profil');
    await expectAccessible(page, 'sign-in');
    await keepScreenshot(page, 'sign-in');
    expect(pageErrors).toEqual([]);
  });

  it('has an accessibility check that refuses a serious violation', async () => {
    const { page } = await openPage(browser);
    await page.setContent('<!doctype html><html lang="fr"><title>t</title><main><h1>t</h1><button></button><img src="x.png"></main></html>');
    await expect(expectAccessible(page, 'deliberately-broken')).rejects.toThrow(/critical button-name|critical image-alt/);
  });

  it.each([
    ['spip', '/spip'],
    ['siao', '/commission'],
    ['prefecture', '/prefecture'],
  ] as const)('signs a %s user in and opens their home, whose calls reach the services with their token', async (role, home) => {
    const { page, pageErrors } = await openPage(browser);
    const answers: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/')) answers.push(response.status());
    });
    await signIn(page, console_.consoleUrl, { role, departements: ['08'] });
    expect(new URL(page.url()).pathname).toBe(home);
    // The préfecture's live stream never ends, so the network never idles: wait until nothing is loading.
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Chargement…').first().waitFor({ state: 'detached' });
    expect(answers.filter((status) => status >= 400)).toEqual([]);
    await expectAccessible(page, `home-${role}`);
    await keepScreenshot(page, `home-${role}`);
    expect(pageErrors).toEqual([]);
  });

  it('shows the commission its sessions, an accessible screen of its own', async () => {
    const { page, pageErrors } = await openPage(browser);
    await signIn(page, console_.consoleUrl, { role: 'siao', departements: ['08'] });
    await page.getByRole('link', { name: 'Commissions' }).click();
    await page.waitForURL('**/commission/sessions');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Chargement…').first().waitFor({ state: 'detached' });
    await expectAccessible(page, 'commission-sessions');
    await keepScreenshot(page, 'commission-sessions');
    expect(pageErrors).toEqual([]);
  });
});
