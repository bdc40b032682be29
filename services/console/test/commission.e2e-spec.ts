import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { addMonths, addYears } from '@passerelle/domain-kernel';
import { queueEntryOf, referralOf, registerDetention, StoryWorld, tokens } from '@passerelle/system-driver';
import { ConsoleSystem, expectAccessible, keepScreenshot, openBrowser, openPage, signIn, startConsoleSystem } from './support';

const DEPARTEMENT = '13';
const ESTABLISHMENT = { code: 'CP-MARSEILLE', name: 'Centre pénitentiaire de Marseille (Baumettes)' };
const STRUCTURE_NAME = 'CHRS Le Phare';

/**
 * From the SIAO's review queue to a confirmed place, in a real browser against the four services:
 * the commission orients a request to a structure with places fléchées justice (a préconisation
 * naming a treatment is refused next to its field), the structure pre-admits, the SIAO confirms.
 * The data is set up through the public APIs, as the housed story does.
 */
describe('the commission and the structure, from the queue to a confirmed place', () => {
  let console_: ConsoleSystem;
  let browser: Browser;
  let world: StoryWorld;
  let structureId: string;
  let requestId: string;
  let release: string;

  beforeAll(async () => {
    // The browser first: if it cannot start, no system is left running behind the failed suite.
    browser = await openBrowser();
    console_ = await startConsoleSystem(`e2e_console_commission_${randomUUID().slice(0, 8)}`);
    world = await StoryWorld.open({
      urls: console_.urls, letTimePassTo: (instant) => console_.system.letTimePassTo(instant), departement: DEPARTEMENT, establishment: ESTABLISHMENT,
    });
    structureId = (await world.housing('POST', '/v1/structures', world.siao, {
      name: STRUCTURE_NAME, type: 'chrs', departement: DEPARTEMENT, area: 'Marseille', capacity: 20, reservedJusticePlaces: 4, volantePlaces: 2,
      accepts: { men: true, women: true, couples: false, children: false, animals: false, reducedMobility: true },
    })).body.id;
    // A commission meeting today: the request goes on its agenda and is decided the same day.
    await world.housing('POST', '/v1/sessions', world.siao, { departement: DEPARTEMENT, sessionDate: world.today, members: ['SIAO 13', 'SPIP 13', 'DDETS 13'] });
    release = addMonths(world.today, 2);
    const person = await registerDetention(world, { lastName: 'Kaddouri', firstNames: 'Mehdi', birthDate: '1987-05-14' }, {
      incarcerationDate: addYears(world.today, -3), sentenceEndDate: release, expectedReleaseDate: release,
    });
    const referral = await referralOf(world, person);
    await world.referral('PATCH', `/v1/referrals/${referral.id}`, world.spip, {
      household: { composition: 'alone', applicantGender: 'man', childrenAges: [] },
      needs: { reducedMobility: false, animals: false },
      resources: ['rsa'],
      rights: { identity_papers: 'to_reopen', health_insurance: 'to_reopen', bank_account: 'open', france_travail: 'to_reopen', rsa_or_aah: 'to_reopen' },
      preferredTerritories: [DEPARTEMENT],
      careContinuity: false,
      socialEvaluation: 'Seul, sans logement avant l’incarcération ; projet de formation en cuisine.',
    });
    await world.referral('PUT', `/v1/referrals/${referral.id}/consent`, world.spip, {
      decision: 'given', decidedOn: world.today, scope: 'Orientation vers un hébergement à la sortie', recipients: ['siao', 'host_structures'],
    });
    await world.referral('POST', `/v1/referrals/${referral.id}/submission`, world.spip);
    requestId = (await queueEntryOf(world, referral.id)).request.id;
  });

  afterAll(async () => {
    await world?.webhooks.stop();
    await browser?.close();
    await console_?.stop();
  });

  const reference = () => requestId.slice(0, 8).toUpperCase();

  async function signInAsSiao(page: Page): Promise<void> {
    await signIn(page, console_.consoleUrl, { role: 'siao', departements: [DEPARTEMENT] });
  }

  it('the SIAO takes the request from the queue to an orientation, the medical préconisation refused next to its field', async () => {
    const { page, pageErrors } = await openPage(browser);
    await signInAsSiao(page);
    await page.getByRole('heading', { level: 1, name: 'File d’examen' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: `Demande ${reference()}` });
    await row.getByText('Places fléchées justice').waitFor();
    await row.getByText(new RegExp(`${STRUCTURE_NAME} — CHRS.*4 libres`)).waitFor();
    await expectAccessible(page, 'commission-queue');
    await keepScreenshot(page, 'commission-1-queue');

    await row.getByRole('link', { name: `Demande ${reference()}` }).click();
    await page.getByRole('heading', { level: 1, name: `Demande ${reference()}` }).waitFor();
    await page.getByRole('button', { name: 'Inscrire à l’ordre du jour' }).click();
    await page.getByRole('heading', { level: 2, name: /^Décision de la commission/ }).waitFor();
    await keepScreenshot(page, 'commission-2-scheduled');

    await page.getByLabel(/^Structure d’accueil/).selectOption(structureId);
    expect(await page.getByLabel('Type de structure', { exact: true }).inputValue()).toBe('chrs');
    const preconisation = page.getByLabel(/^Préconisation pour la structure/);
    await preconisation.fill('Suivi psychiatrique à poursuivre dès l’entrée');
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    const fieldMessage = page.locator('.fr-input-group--error').filter({ has: preconisation }).locator('.fr-message--error');
    await fieldMessage.waitFor();
    expect(await fieldMessage.textContent()).toMatch(/preconisation must not contain medical information/);
    await keepScreenshot(page, 'commission-3-medical-term-refused');

    await preconisation.fill('Hébergement accompagné avec un projet d’insertion professionnelle');
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await page.getByRole('heading', { level: 2, name: 'Réponses des structures' }).waitFor();
    await page.getByText(`${STRUCTURE_NAME} — CHRS (réinsertion sociale)`).waitFor();
    await keepScreenshot(page, 'commission-4-oriented');

    const { body } = await world.housing('GET', `/v1/requests/${requestId}`, world.siao);
    expect(body).toMatchObject({ status: 'oriented', orientation: { structureId, structureType: 'chrs', preconisation: 'Hébergement accompagné avec un projet d’insertion professionnelle' } });
    expect(pageErrors).toEqual([]);
  });

  it('the structure pre-admits the person for the release day', async () => {
    const { page, pageErrors } = await openPage(browser);
    await signIn(page, console_.consoleUrl, { role: 'structure', departements: [DEPARTEMENT], organisation: structureId });
    await page.getByRole('heading', { level: 1, name: 'Orientations reçues' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: `Demande ${reference()}` });
    await row.getByText('À traiter : pré-admettre ou refuser').waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/Kaddouri|infraction|écrou/i);
    await expectAccessible(page, 'structure-oriented');
    await keepScreenshot(page, 'commission-5-structure-list');

    await row.getByRole('link', { name: `Demande ${reference()}` }).click();
    await page.getByRole('heading', { level: 1, name: `Orientation — demande ${reference()}` }).waitFor();
    await page.getByText('Hébergement accompagné avec un projet d’insertion professionnelle').waitFor();
    await expectAccessible(page, 'structure-request');
    await page.getByLabel(/^Date d’entrée/).fill(release);
    await keepScreenshot(page, 'commission-6-structure-request');
    await page.getByRole('button', { name: 'Pré-admettre' }).click();
    await page.getByText('Pré-admission envoyée').waitFor();
    await keepScreenshot(page, 'commission-7-pre-admitted');
    expect(pageErrors).toEqual([]);
  });

  it('the SIAO finds the pre-admission on the session’s agenda and confirms the place', async () => {
    const { page, pageErrors } = await openPage(browser);
    await signInAsSiao(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Commissions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Commissions d’orientation' }).waitFor();
    await page.getByRole('link', { name: /^Ouvrir la commission du/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Commission du/ }).waitFor();
    const row = page.getByRole('row').filter({ hasText: `Demande ${reference()}` });
    await row.getByText('Orientée — pré-admission à confirmer').waitFor();
    await row.getByText('Orientation').waitFor();
    await expectAccessible(page, 'commission-session');
    await keepScreenshot(page, 'commission-8-session');

    await row.getByRole('link', { name: `Demande ${reference()}` }).click();
    const placement = page.getByRole('row').filter({ hasText: STRUCTURE_NAME });
    await placement.getByText('Pré-admission à confirmer').waitFor();
    await placement.getByRole('button', { name: 'Confirmer la place' }).click();
    await placement.getByText('Place confirmée').waitFor();
    await placement.getByText('Places fléchées justice').waitFor();
    await keepScreenshot(page, 'commission-9-confirmed');

    const { body } = await world.housing('GET', `/v1/requests/${requestId}`, world.siao);
    expect(body.status).toBe('placement_confirmed');
    expect(body.placements).toEqual([expect.objectContaining({ structureId, status: 'confirmed', entryDate: release, pool: 'justice' })]);
    const structureView = await world.housing('GET', `/v1/requests/${requestId}`, tokens.of('structure', [DEPARTEMENT], structureId));
    expect(structureView.body.placements).toEqual([expect.objectContaining({ status: 'confirmed' })]);
    expect(pageErrors).toEqual([]);
  });

  it('shows the département’s places, justice and volantes apart', async () => {
    const { page, pageErrors } = await openPage(browser);
    await signInAsSiao(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Places' }).click();
    await page.getByRole('heading', { level: 1, name: 'Places du département' }).waitFor();
    const section = page.locator('section').filter({ has: page.getByRole('heading', { name: STRUCTURE_NAME }) });
    await section.getByText('20 places : 4 fléchées justice, 2 volantes, 14 de droit commun').waitFor();
    await section.getByRole('row', { name: /^Fléchées justice/ }).waitFor();
    await section.getByRole('row', { name: /^Volantes/ }).waitFor();
    await expectAccessible(page, 'commission-places');
    await keepScreenshot(page, 'commission-10-places');
    expect(pageErrors).toEqual([]);
  });

  it('lists the département’s sessions', async () => {
    const { page, pageErrors } = await openPage(browser);
    await signInAsSiao(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Commissions' }).click();
    await page.waitForURL('**/commission/sessions');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Chargement…').first().waitFor({ state: 'detached' });
    await expectAccessible(page, 'commission-sessions');
    await keepScreenshot(page, 'commission-11-sessions');
    expect(pageErrors).toEqual([]);
  });
});
