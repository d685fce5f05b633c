import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(__dirname, '../../../../tmp/agent-console-screenshots');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = resolve(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (WCAG 2 A and AA rules) and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate<boolean>('typeof axe === "object"')))
    await page.addScriptTag({ content: AXE_SOURCE });
  // A string, not a function: this file is type-checked without the DOM library.
  return page.evaluate<AxeViolation[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
}

/**
 * Signs in through the console's sign-in page: "Logga in", then the demo user's button
 * (`data-user`), on the OIDC issuer's role picker or, without an issuer, the console's own.
 */
export async function signIn(page: Page, consoleUrl: string, user: string): Promise<void> {
  await page.goto(consoleUrl);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.locator(`[data-user="${user}"]`).click();
  await explainTimeout(page, `sign-in-${user}`, () =>
    page
      .locator('[data-testid="signed-in-as"], [data-testid="not-staff"]')
      .first()
      .waitFor({ timeout: 30_000 }),
  );
}

/** Runs a wait; when it fails, saves a screenshot and says where the page was and what it showed. */
export async function explainTimeout<T>(page: Page, name: string, wait: () => Promise<T>): Promise<T> {
  try {
    return await wait();
  } catch (error) {
    const shot = await screenshot(page, `failed-${name}`).catch(() => 'none');
    const text = (
      await page
        .locator('body')
        .innerText()
        .catch(() => '')
    ).slice(0, 800);
    throw new Error(`${(error as Error).message}\nat ${page.url()}\nscreenshot: ${shot}\npage text: ${text}`);
  }
}
