import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { addDays, addMonths } from '@passerelle/domain-kernel';
import { strictJsonClient, todayOf, tokens, until, waitCaughtUp } from '@passerelle/system-driver';
import { ConsoleSystem, expectAccessible, keepScreenshot, openBrowser, openPage, signIn, startConsoleSystem } from './support';

// A département no other test acts in: sorties sèches of parallel runs on the shared topics would count too.
const DEPARTEMENT = '48';
const ESTABLISHMENT = { code: 'MA-MENDE', name: 'Maison d’arrêt de Mende' };

/** The figure a tile shows, read through its accessible name. */
async function tileValue(page: Page, name: string): Promise<string> {
  return (await page.getByRole('group', { name, exact: true }).locator('p.fr-h3').textContent())?.trim() ?? '';
}

/**
 * The préfecture's dashboard in a real browser against the four services: a sortie sèche caused
 * through the public APIs shows on the open dashboard without a reload, through notification's stream.
 */
describe('the préfecture’s dashboard', () => {
  let console_: ConsoleSystem;
  let browser: Browser;

  beforeAll(async () => {
    // The browser first: if it cannot start, no system is left running behind the failed suite.
    browser = await openBrowser();
    console_ = await startConsoleSystem(`e2e_console_prefecture_${randomUUID().slice(0, 8)}`);
    // A fresh notification counts the shared topics from their beginning: the figures settle first.
    await waitCaughtUp(console_.urls);
  });

  afterAll(async () => {
    await browser?.close();
    await console_?.stop();
  });

  /**
   * A person registered in the département, released today with no housing: what the sortie-sèche
   * story does over five weeks, here on the services' day so the open dashboard's period holds it.
   */
  async function causeSortieSeche(today: string): Promise<void> {
    const calendar = strictJsonClient(console_.urls['release-calendar']);
    const spip = tokens.of('spip', [DEPARTEMENT]);
    const release = addDays(today, 20);
    const registered = await calendar('POST', '/v1/detentions', spip, {
      personId: randomUUID(),
      identity: { lastName: 'Lambert', firstNames: 'Julien', birthDate: '1996-11-03' },
      ecrou: `${today.slice(2, 4)}${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`,
      establishmentCode: ESTABLISHMENT.code, establishmentName: ESTABLISHMENT.name, spipDepartement: DEPARTEMENT,
      incarcerationDate: addMonths(today, -4), sentenceEndDate: release, expectedReleaseDate: release, expectedReleaseKind: 'end_of_sentence',
    });
    await calendar('POST', `/v1/detentions/${registered.body.id}/release`, spip, { releasedOn: today, releaseKind: 'end_of_sentence' });
  }

  /** The sorties sèches of the dashboard's default period (the last 3 months, whole) as notification's API answers them. */
  async function sortiesSechesCounted(today: string): Promise<number> {
    const prefecture = tokens.of('prefecture', [DEPARTEMENT]);
    const from = addMonths(`${today.slice(0, 8)}01`, -2);
    const { body } = await strictJsonClient(console_.urls.notification)('GET', `/v1/indicators?departement=${DEPARTEMENT}&from=${from}&to=${today}`, prefecture);
    return (body as Array<{ sortiesSeches: number }>).reduce((sum, figures) => sum + figures.sortiesSeches, 0);
  }

  it('shows a new sortie sèche live, with a polite notice, without a reload', async () => {
    const { page, pageErrors } = await openPage(browser);
    let navigations = 0;
    await signIn(page, console_.consoleUrl, { role: 'prefecture', departements: [DEPARTEMENT] });
    expect(new URL(page.url()).pathname).toBe('/prefecture');
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await page.getByText('En direct', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('group', { name: 'Sorties sèches', exact: true }).waitFor();
    page.on('framenavigated', (frame) => frame === page.mainFrame() && (navigations += 1));

    const before = Number(await tileValue(page, 'Sorties sèches'));
    const monthTable = page.getByRole('table', { name: /Sorties sèches par mois/ });
    // The 12-week outlook: a week per row, from the one holding the services' day.
    const outlook = page.getByRole('table', { name: /Sorties sans place confirmée et places fléchées libres, par semaine/ });
    await outlook.waitFor();
    expect(await outlook.locator('tbody tr').count()).toBe(12);
    await expectAccessible(page, 'prefecture-dashboard');
    await keepScreenshot(page, 'prefecture-dashboard-before');

    const today = await todayOf(console_.urls);
    await causeSortieSeche(today);

    // The event travels release-calendar → referral → notification (minutes on a loaded machine): once
    // notification counts it, the open dashboard must show it from the stream, without a reload.
    await until('notification to count the sortie sèche', async () => (await sortiesSechesCounted(today)) === before + 1 || undefined);
    await page.getByRole('group', { name: 'Sorties sèches', exact: true }).getByText(String(before + 1), { exact: true }).waitFor({ timeout: 30_000 });
    // The person's registration and release may reach the stream in one day's message: the notice then names both.
    await page.locator('[aria-live="polite"]').getByText(/1 sortie sèche enregistrée/).waitFor();
    expect(Number(await tileValue(page, 'Sorties sèches'))).toBe(before + 1);
    const lastMonth = monthTable.locator('tbody tr').last();
    expect(await lastMonth.locator('td').last().textContent()).toBe(String(before + 1));
    expect(navigations).toBe(0);

    await expectAccessible(page, 'prefecture-dashboard-live');
    await keepScreenshot(page, 'prefecture-dashboard-after');
    expect(pageErrors).toEqual([]);
  });
});
