import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AuditRecord } from '@frontdoor/core';
import { namesakes } from '@frontdoor/dept-sandbox';
import {
  DEMO_CASE_SETUP,
  allPluginsWithRegister,
  startDevIssuer,
  startHub,
  startSandbox,
  type DevIssuerHandle,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';
import { CHROMIUM, axeViolations, explainTimeout, launchBrowser, screenshot, signIn } from './browser';
import { ensureConsoleBuilt } from './console-build';
import { startLoopbackProxy, type LoopbackProxy } from './loopback-proxy';

/**
 * The right person on screen: every search takes the previous person away whatever it ends
 * in (no hit, failure, slow answer), the next `/` is never typed into the box, a case
 * reference opens its person with the case pointed out, a name lists the register's
 * candidates, and the caller summary (open cases and the last 30 days) is at the top.
 */
const ANNA = '199001012385';
const BERTIL = '196408233234';

const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);
jest.setTimeout(90_000);

(browserAvailable ? describe : describe.skip)('caller search in the console', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let issuer: DevIssuerHandle;
  let proxy: LoopbackProxy;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleUrl: string;
  let openReference = '';

  async function lookUp(input: string): Promise<void> {
    await page.locator('body').press('/');
    await page.keyboard.type(input);
    await page.keyboard.press('Enter');
  }
  const personView = () => page.getByTestId('person-view');
  const lookupValue = () => page.locator('#lookup-input').inputValue();

  beforeAll(async () => {
    ensureConsoleBuilt();
    proxy = await startLoopbackProxy();
    consoleUrl = `${proxy.url}/console/`;
    [sandbox, issuer] = await Promise.all([
      // More Lindqvists than the register lists at once.
      startSandbox({ extraRegisterRecords: namesakes('Lindqvist', 25) }),
      startDevIssuer({ env: { CONSOLE_REDIRECT_URIS: consoleUrl } }),
    ]);
    hub = await startHub({
      sandbox,
      // No cache on the register: a fault is seen at once, and gone at once when cleared.
      plugins: allPluginsWithRegister(sandbox, { cache: { ttlMs: 0, staleIfErrorMs: 0 } }),
      cases: DEMO_CASE_SETUP,
      env: { AUTH_OIDC_ISSUER: issuer.url },
    });
    proxy.forwardTo(hub.url);
    // Anna's open case with the preschool group, and a contact resolved at once: both in her summary.
    const earlier = await hub.token('agent', 'agent-earlier', 'Pia Persson');
    const registered = await hub.graphql<{ registerContact: { id: string; reference: string } }>(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", personalNumber: "${ANNA}", summary: "Vill byta förskola" }) { id reference } }`,
      {},
      { token: earlier },
    );
    openReference = registered.data!.registerContact.reference;
    await hub.graphql(
      `mutation { forwardCase(caseId: "${registered.data!.registerContact.id}", answerGroupKey: "forskola", message: "Ring upp") { id } }`,
      {},
      { token: earlier },
    );
    await hub.graphql(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "fakturor", personalNumber: "${ANNA}", summary: "Fråga om faktura", resolvedAtFirstLine: true, resolution: "Förklarade beloppet" }) { id } }`,
      {},
      { token: earlier },
    );
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    await signIn(page, consoleUrl, 'agent-anna');
  }, 90_000);

  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await proxy?.close();
    await hub?.close();
    await Promise.all([sandbox?.close(), issuer?.close()]);
  });

  it('shows the caller summary at the top of the person: open cases and the last 30 days, with group, deadline and state', async () => {
    await lookUp(ANNA);
    const summary = page.getByTestId('caller-summary');
    await explainTimeout(page, 'summary', () => summary.waitFor());
    // Before the departments' matters and the earlier contacts.
    const first = await page.evaluate<boolean>(`(() => {
      const summary = document.querySelector('[data-testid="caller-summary"]');
      const statuses = document.getElementById('statuses-heading');
      return !!(summary.compareDocumentPosition(statuses) & Node.DOCUMENT_POSITION_FOLLOWING);
    })()`);
    expect(first).toBe(true);
    const rows = summary.getByTestId('summary-row');
    await expect(rows.count()).resolves.toBe(2);
    const open = rows.filter({ hasText: openReference });
    await expect(open.textContent()).resolves.toMatch(/Svarsgrupp förskola/);
    await expect(open.textContent()).resolves.toMatch(/senast \S+ \d+ \S+ \d{4}/);
    await expect(open.textContent()).resolves.toMatch(/Hos svarsgrupp/);
    await expect(rows.filter({ hasText: 'Fråga om faktura' }).textContent()).resolves.toMatch(/Avslutat/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'search-summary-top');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'search-summary-top-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('a search with no hit takes the previous person away at once, and the next "/" is not typed into the box', async () => {
    await lookUp(ANNA);
    await personView().waitFor();
    await lookUp('FD-2026-ZZZZZZ');
    const noHit = page.getByTestId('search-no-hit');
    await noHit.waitFor();
    await expect(noHit.textContent()).resolves.toBe('Ingen träff för ärendenummer FD-2026-ZZZZZZ.');
    await expect(personView().count()).resolves.toBe(0);
    await expect(page.locator('#contact-channel').count()).resolves.toBe(0);
    // The outcome holds the focus: '/' goes back to the box, selected, and is not typed.
    await expect(
      page.evaluate<string | null>('document.activeElement?.dataset.testid ?? null'),
    ).resolves.toBe('search-no-hit');
    await page.keyboard.press('/');
    await expect(page.evaluate<string>('document.activeElement.id')).resolves.toBe('lookup-input');
    await page.keyboard.press('/');
    await expect(lookupValue()).resolves.toBe('FD-2026-ZZZZZZ');
    await expect(
      page.evaluate<string>(
        "(() => { const i = document.getElementById('lookup-input'); return i.value.slice(i.selectionStart, i.selectionEnd); })()",
      ),
    ).resolves.toBe('FD-2026-ZZZZZZ');
  });

  it('a wrong personal number also takes the previous person away; the box says what is wrong', async () => {
    await lookUp(ANNA);
    await personView().waitFor();
    await lookUp('19900101-2384');
    await page.getByText('Personnumret stämmer inte').waitFor();
    await expect(personView().count()).resolves.toBe(0);
    await page.getByRole('heading', { name: 'Vem ringer?' }).waitFor();
  });

  it('a failed search says what failed, offers a retry, and never shows the previous person', async () => {
    await lookUp(ANNA);
    await personView().waitFor();
    await sandbox.setFault({ system: 'register', mode: 'error' });
    await lookUp('Andersson');
    const failed = page.getByTestId('search-failed');
    await explainTimeout(page, 'search-failed', () => failed.waitFor());
    await expect(failed.textContent()).resolves.toMatch(/^Sökningen kunde inte göras:/);
    await expect(failed.textContent()).resolves.not.toMatch(/Ingen träff/);
    await expect(personView().count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'search-cleared-after-failure');
    await sandbox.clearFaults();
    await failed.getByRole('button', { name: 'Försök igen' }).click();
    await page.getByTestId('search-results').waitFor();
  });

  it('a slow answer shows the new search under way, never the previous person', async () => {
    await lookUp(ANNA);
    await personView().waitFor();
    await sandbox.setFault({ system: 'register', mode: 'slow', delayMs: 4000 });
    await lookUp(BERTIL);
    await page.getByRole('status').filter({ hasText: 'Hämtar …' }).waitFor();
    await expect(personView().count()).resolves.toBe(0);
    await sandbox.clearFaults();
    // Bertil's number is in the heading whether or not the slow register made it in time.
    await page.getByRole('heading', { name: /19640823-3234/ }).waitFor();
  });

  it('a case reference opens its person with the case pointed out in the summary', async () => {
    await lookUp(BERTIL);
    await page.getByRole('heading', { name: /Bertil Berg/ }).waitFor();
    await lookUp(openReference.toLowerCase());
    await page.getByRole('heading', { name: /Anna Andersson/ }).waitFor();
    const marked = page.locator('[data-testid="summary-row"][aria-current="true"]');
    await marked.waitFor();
    await expect(marked.textContent()).resolves.toContain(`${openReference} (sökt ärende)`);
    expect(new URL(page.url()).hash).toBe(`#/person/${ANNA}/${openReference}`);
  });

  it('a name lists the register’s candidates, and picking one opens the person', async () => {
    await lookUp('Andersson');
    const results = page.getByTestId('search-results');
    await results.waitFor();
    const anna = results.getByTestId('candidate').filter({ hasText: 'Anna Andersson' });
    await expect(anna.textContent()).resolves.toMatch(/1990 \(\d+ år\)/);
    await expect(anna.textContent()).resolves.toContain('19900101-2385');
    await expect(anna.textContent()).resolves.toContain('Storgatan 12, 123 45 Exempelstad');
    // The search is audited with the console's purpose, as a lookup is (written before the answer left).
    const searchRows = (await hub.dataSource.getRepository(AuditRecord).find()).filter((r) =>
      r.fieldGroups.includes('personSearch'),
    );
    expect(searchRows.length).toBeGreaterThan(0);
    expect(new Set(searchRows.map((r) => r.purpose))).toEqual(new Set(['Inkommande samtal']));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'search-results');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'search-results-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await anna.getByRole('link', { name: 'Öppna Anna Andersson' }).click();
    await page.getByRole('heading', { name: /Anna Andersson/ }).waitFor();
    await personView().waitFor();
  });

  it('too many namesakes ask for more; a protected person is never listed', async () => {
    await lookUp('Lindqvist');
    await expect(page.getByTestId('search-no-hit').textContent()).resolves.toMatch(
      /^För många träffar \(25\)/,
    );
    await lookUp('Carlsson');
    await expect(page.getByTestId('search-no-hit').textContent()).resolves.toBe('Ingen träff för Carlsson.');
    await lookUp('Lindqvist, Namnlösa gatan 2');
    await page.getByTestId('search-results').waitFor();
    await expect(page.getByTestId('candidate').count()).resolves.toBe(7);
  });

  it('searching the same person again starts over: the receipt of the contact just registered is gone', async () => {
    await lookUp(BERTIL);
    await personView().waitFor();
    const form = page.locator('aside.contact');
    await form.getByLabel('Kategori').selectOption('fakturor');
    await form.getByLabel('Vad gäller kontakten?').fill('Fråga om påminnelse');
    await form.getByLabel('Svar som gavs').fill('Betalningen har kommit in');
    await form.getByRole('button', { name: 'Löst direkt' }).click();
    const receipt = page.getByTestId('contact-outcome').getByText(/registrerad och löst/);
    await receipt.waitFor();
    await lookUp(BERTIL);
    // The same person, freshly: the summary now has the contact, the receipt is gone.
    await page.getByTestId('summary-row').filter({ hasText: 'Fråga om påminnelse' }).waitFor();
    await expect(receipt.count()).resolves.toBe(0);
  });
});
