import { randomUUID } from 'node:crypto';
import { Browser, Locator, Page } from 'playwright-core';
import { addMonths } from '@passerelle/domain-kernel';
import { strictJsonClient, todayOf, tokens, until } from '@passerelle/system-driver';
import { ConsoleSystem, expectAccessible, keepScreenshot, openBrowser, openPage, signIn, startConsoleSystem } from './support';

const DEPARTEMENT = '13';
const ESTABLISHMENT = { code: 'CP-MARSEILLE', name: 'Centre pénitentiaire de Marseille (Baumettes)' };
const PERSON = { lastName: 'Verdier', firstNames: 'Camille', birthDate: '1991-06-14' };

/** The page's document, as this Node-typed file may name it inside `evaluate`. */
type PageGlobals = { document: { getElementById(id: string): { textContent: string | null } | null } };

/** What a field's accessible description says: where DSFR puts the server's message about it. */
async function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id: string) => (globalThis as unknown as PageGlobals).document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/**
 * Ticks a DSFR radio button or checkbox of a group the way a user does, on its label: the input itself
 * is drawn under its label, which takes the click.
 */
async function choose(page: Page, legend: RegExp, option: string): Promise<void> {
  await page.getByRole('group', { name: legend }).locator('label').getByText(option, { exact: true }).click();
}

/** The error message shown in a DSFR fieldset (radio or checkbox group) under its legend. */
function groupMessage(page: Page, legend: RegExp): Locator {
  return page.getByRole('group', { name: legend }).locator('.fr-message--error');
}

/**
 * The SPIP's work on one request in a real browser against the four services: a person registered
 * inside the window gets a request by itself; the officer finds them on the caseload, completes the
 * file (the server's refusals shown next to their fields), records the consent and sends it to the SIAO.
 */
describe('the SPIP’s caseload and referral', () => {
  let console_: ConsoleSystem;
  let browser: Browser;

  beforeAll(async () => {
    // One after the other, so that a system that fails to start leaves no browser behind.
    browser = await openBrowser();
    console_ = await startConsoleSystem(`e2e_console_spip_${randomUUID().slice(0, 8)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await console_?.stop();
  });

  it('takes a request from the caseload to the SIAO', async () => {
    const spip = tokens.of('spip', [DEPARTEMENT]);
    const calendar = strictJsonClient(console_.urls['release-calendar']);
    const referrals = strictJsonClient(console_.urls.referral);
    const today = await todayOf(console_.urls);
    // Four months before release: inside the département's six-month window, so the request opens at once.
    const release = addMonths(today, 4);
    const registered = await calendar('POST', '/v1/detentions', spip, {
      personId: randomUUID(), identity: PERSON,
      ecrou: `${today.slice(2, 4)}${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`,
      establishmentCode: ESTABLISHMENT.code, establishmentName: ESTABLISHMENT.name, spipDepartement: DEPARTEMENT,
      incarcerationDate: addMonths(today, -8), sentenceEndDate: release, expectedReleaseDate: release, expectedReleaseKind: 'end_of_sentence',
    });
    const detentionId: string = registered.body.id;
    // A fresh referral reads the shared topic from its start (the demo's and other runs' events first): its
    // list holds their requests too, so the person's is looked for on every page up to their release.
    const referralId = await until('the request opened by referral', async () => {
      for (let page = 1; ; page += 1) {
        const { body } = await referrals('GET', `/v1/referrals?spip=${DEPARTEMENT}&dueBefore=${release}&pageSize=200&page=${page}`, spip);
        const found = (body.items as Array<{ id: string; detentionId: string }>).find((item) => item.detentionId === detentionId);
        if (found || body.items.length === 0 || page * 200 >= body.total) return found?.id;
      }
    }, 480_000);

    const { page, pageErrors } = await openPage(browser);
    await signIn(page, console_.consoleUrl, { role: 'spip', departements: [DEPARTEMENT] });
    expect(new URL(page.url()).pathname).toBe('/spip');

    // The caseload.
    await page.getByRole('heading', { level: 1, name: 'Sorties à venir' }).waitFor();
    const table = page.getByRole('table', { name: /Sorties à venir par ordre d’urgence/ });
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'VERDIER Camille' }) });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'VERDIER Camille', ESTABLISHMENT.name, expect.stringMatching(/^\d\d\/\d\d\/\d{4}$/), expect.stringMatching(/^1[12]\d jours$/), 'À compléter', expect.any(String),
    ]);
    await expectAccessible(page, 'spip-caseload');
    await keepScreenshot(page, 'spip-1-caseload');

    // The referral's page; sending it now is refused, and the refusal names what is missing.
    await row.getByRole('link', { name: 'VERDIER Camille' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demande SIAO de Camille VERDIER' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/spip/demandes/${referralId}`);
    await page.getByRole('heading', { level: 2, name: 'Historique' }).waitFor();
    await page.getByText('Demande ouverte à l’ouverture de la fenêtre de sortie').waitFor();
    await page.getByRole('button', { name: 'Transmettre la demande au SIAO' }).click();
    await page.getByRole('button', { name: 'Confirmer l’envoi au SIAO' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'L’envoi a été refusé (422)' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Évaluation sociale');
    await expectAccessible(page, 'spip-referral');
    await keepScreenshot(page, 'spip-2-referral-refused');

    // The completion form: first a household without gender and an evaluation with health data.
    await page.getByRole('link', { name: 'Compléter le dossier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compléter le dossier de Camille VERDIER' }).waitFor();
    await expectAccessible(page, 'spip-file-form');
    await page.getByLabel('Composition du ménage').selectOption('alone');
    const evaluation = page.getByLabel('Évaluation sociale');
    await evaluation.fill('Suivi psychiatrique en cours, hébergement chez un ami avant l’incarcération.');
    await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
    await groupMessage(page, /^Genre du demandeur/).waitFor();
    expect(await groupMessage(page, /^Genre du demandeur/).textContent()).toContain('Choisissez l’une des réponses proposées.');
    await page.getByRole('button', { name: 'Enregistrer le dossier' }).waitFor();
    await choose(page, /^Genre du demandeur/, 'Femme');
    await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
    await page.locator('.fr-input-group--error').filter({ has: evaluation }).waitFor();
    expect(await descriptionOf(evaluation)).toMatch(/^Aucune information de santé \(« psychiatr » refusé\) : cochez la continuité des soins/);
    await expectAccessible(page, 'spip-file-form-refused');
    await keepScreenshot(page, 'spip-3-form-refused');

    // Then the whole file, valid.
    await choose(page, /^Mobilité réduite/, 'Non');
    await choose(page, /^Animaux de compagnie/, 'Non');
    await choose(page, /^Ressources/, 'RSA');
    for (const [right, status] of [['Pièce d’identité', 'open'], ['Assurance maladie', 'to_reopen'], ['Compte bancaire', 'open'], ['Inscription à France Travail', 'to_reopen'], ['RSA ou AAH', 'open']]) {
      await page.getByLabel(right, { exact: true }).selectOption(status);
    }
    await page.getByLabel('Territoires souhaités').fill('Marseille\nAubagne');
    await choose(page, /^Continuité des soins à organiser/, 'Oui');
    await evaluation.fill('Hébergée chez une amie avant l’incarcération ; souhaite un CHRS près de sa famille à Marseille.');
    await keepScreenshot(page, 'spip-4-form-filled');
    await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();

    // Back on the referral: the consent, then the submission.
    await page.getByRole('heading', { level: 1, name: 'Demande SIAO de Camille VERDIER' }).waitFor();
    await page.getByText(/Dossier complété : ménage, /).waitFor();
    await choose(page, /^Décision de la personne/, 'Elle consent au partage de son dossier');
    await choose(page, /^Destinataires autorisés/, 'Les structures d’hébergement');
    await page.getByRole('button', { name: 'Enregistrer le consentement' }).click();
    await page.getByText(/^Consentement donné le .* au profit de : le SIAO, les structures d’hébergement\.$/).waitFor();
    await page.getByText('Le dossier est complet et le consentement recueilli : la demande peut partir.').waitFor();
    await expectAccessible(page, 'spip-referral-ready');
    await keepScreenshot(page, 'spip-5-consent-given');

    await page.getByRole('button', { name: 'Transmettre la demande au SIAO' }).click();
    await page.getByRole('button', { name: 'Confirmer l’envoi au SIAO' }).click();
    await page.getByText('Transmise au SIAO', { exact: true }).first().waitFor();
    await page.getByText('Demande transmise au SIAO (envoi n° 1)').waitFor();
    await expectAccessible(page, 'spip-referral-submitted');
    await keepScreenshot(page, 'spip-6-submitted');
    expect(pageErrors).toEqual([]);

    const { body } = await referrals('GET', `/v1/referrals/${referralId}`, spip);
    expect(body).toMatchObject({
      status: 'submitted', submissions: 1,
      consent: { decision: 'given', recipients: ['siao', 'host_structures'] },
      file: {
        household: { composition: 'alone', applicantGender: 'woman', childrenAges: [] }, needs: { reducedMobility: false, animals: false },
        resources: ['rsa'], preferredTerritories: ['Marseille', 'Aubagne'], careContinuity: true,
        rights: { identity_papers: 'open', health_insurance: 'to_reopen', bank_account: 'open', france_travail: 'to_reopen', rsa_or_aah: 'open' },
      },
      missingForSubmission: [],
    });
  }, 900_000);
});
