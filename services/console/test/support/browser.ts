import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../../../..');
export const ARTIFACTS = path.join(ROOT, '.local/test-artifacts/console');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Debian's chromium, headless; without the background-networking flags it keeps calling hosts this network refuses.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Debian's chromium (installed by scripts/ensure-chromium.sh), never a browser of playwright's own download. */
export function openBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A new page whose script errors are kept, so a test can require that none happened. */
export async function openPage(browser: Browser): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, pageErrors };
}

export interface SignInAs {
  role: 'spip' | 'siao' | 'structure' | 'prefecture' | 'admin';
  departements: string[];
  /** A structure user's structure id. */
  organisation?: string;
}

/** Signs in on the console's development sign-in page, as a user would. */
export async function signIn(page: Page, consoleUrl: string, as: SignInAs): Promise<void> {
  await page.goto(`${consoleUrl}/connexion`);
  await page.getByLabel('Rôle').selectOption(as.role);
  await page.getByLabel('Départements').fill(as.departements.join(', '));
  if (as.organisation) await page.getByLabel('Identifiant de la structure').fill(as.organisation);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
}

export async function keepScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);
const AXE_OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } };

/**
 * axe-core on the page as it stands (WCAG 2.1 A and AA rules and best practices): fails on any serious or
 * critical violation, naming the rule and the elements; the whole report is kept beside the screenshots.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.addScriptTag({ content: AXE_SOURCE });
  // Evaluated in the page, where axe and document live (this file is type-checked for Node, without DOM types).
  const violations = await page.evaluate<AxeViolation[]>(`axe.run(document, ${JSON.stringify(AXE_OPTIONS)}).then((result) =>
    result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => ({ target: n.target })) })))`);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, `${screen}.axe.json`), JSON.stringify(violations, null, 2));
  const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const described = blocking.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  expect({ screen, seriousOrCritical: described }).toEqual({ screen, seriousOrCritical: [] });
}
