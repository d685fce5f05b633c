import { existsSync } from 'node:fs';
import {
  allPluginsWithRegister,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';
import { CHROMIUM, explainTimeout, launchBrowser } from '@frontdoor/testing/browser';
import { ensureCitizenWebBuilt } from './citizen-web-build';

/**
 * The citizen page's sign-in in the embedded default without an OIDC issuer: the demo citizens,
 * marked as a demo, each signed in as a citizen by the demo token issuer (the shared sign-in of
 * libs/browser-auth with the page's settings; the console's demo picker is in
 * apps/agent-console/test/console-routes.e2e-spec.ts).
 */
(existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip)('Mina ärenden without an issuer', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    ensureCitizenWebBuilt();
    sandbox = await startSandbox();
    hub = await startHub({ sandbox, plugins: allPluginsWithRegister(sandbox) });
  }, 90_000);
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('signs in through the page’s own demo picker, marked as a demo, as a citizen', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
      page.setDefaultTimeout(30_000);
      await page.goto(`${hub.url}/mina-arenden/`);
      // The tab has the page's own icon (inline SVG: nothing to fetch).
      await expect(
        page.evaluate<string | null>(
          "document.querySelector('link[rel=\"icon\"]')?.getAttribute('href') ?? null",
        ),
      ).resolves.toMatch(/^data:image\/svg\+xml,/);
      await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();
      await page.getByRole('heading', { name: 'Välj en testperson' }).waitFor();
      await expect(page.getByText('Demo – inte för inloggning i produktion.').count()).resolves.toBe(1);
      await page.locator('[data-user="citizen-anna"]').click();
      await explainTimeout(page, 'citizen-demo-sign-in', () => page.getByTestId('my-page').waitFor());
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.getByRole('button', { name: 'Logga in med e-legitimation' }).waitFor();
      await expect(
        page.evaluate<string | null>("sessionStorage.getItem('frontdoor.citizen.token')"),
      ).resolves.toBeNull();
    } finally {
      await browser.close();
    }
  }, 90_000);
});
