import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  DEMO_CASE_SETUP,
  TestClock,
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
 * The agent console in a real browser (Debian's Chromium through playwright-core) against
 * the real gateway, sandbox, database and dev OIDC issuer (tools/dev-issuer: sign-in is the
 * authorization-code flow with PKCE through its role picker): the whole call of an agent, the answer group
 * closing the forwarded case, a hanging department, a protected identity and a citizen
 * turned away. One browser for the file; one context (tab storage) per signed-in user.
 */
const ANNA = '199001012385'; // all-four: a matter in each of the four departments
const BERTIL = '196408233234';
const CECILIA = '200002292399'; // protected identity
const SUMMARY = 'Vill byta önskad förskola till Solrosen';
const DAY_MS = 24 * 3600 * 1000;

/**
 * The hub's clock: real time plus an offset the test moves. Tokens from the dev issuer carry
 * real time, so the hub's clock must stay near it; the offset puts one case ten days back.
 */
class OffsetClock extends TestClock {
  private offset = 0;
  override now = (): number => Date.now() + this.offset;
  override advance(ms: number): void {
    this.offset += ms;
  }
}

interface Audited {
  auditRecords: { actorSubject: string; purpose: string | null; fieldGroups: string[] }[];
}

// Without Chromium a developer's `npm test` says so and skips this file; CI must have it.
const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!browserAvailable)
  console.warn(
    `agent console browser tests: not run, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );

// Generous bounds: CI machines and a shared 2-core box run other suites beside this one.
jest.setTimeout(90_000);

(browserAvailable ? describe : describe.skip)('agent console in the browser', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let issuer: DevIssuerHandle;
  let proxy: LoopbackProxy;
  let browser: Browser;
  let consoleUrl: string;
  const contexts: BrowserContext[] = [];
  let agent: Page;
  let forwardedReference = '';
  let overdueReference = '';
  const clock = new OffsetClock();
  const token = (role: string, sub: string) => hub.token(role, sub);

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    context.setDefaultTimeout(30_000);
    contexts.push(context);
    return context.newPage();
  }

  async function lookUp(page: Page, input: string): Promise<void> {
    // Keyboard only: '/' focuses the lookup box wherever the agent is.
    await page.locator('body').press('/');
    await page.keyboard.type(input);
    await page.keyboard.press('Enter');
  }

  beforeAll(async () => {
    ensureConsoleBuilt();
    proxy = await startLoopbackProxy();
    consoleUrl = `${proxy.url}/console/`;
    [sandbox, issuer] = await Promise.all([
      startSandbox(),
      startDevIssuer({ env: { CONSOLE_REDIRECT_URIS: consoleUrl } }),
    ]);
    hub = await startHub({
      sandbox,
      clock,
      plugins: allPluginsWithRegister(sandbox),
      cases: DEMO_CASE_SETUP,
      env: { AUTH_OIDC_ISSUER: issuer.url },
    });
    proxy.forwardTo(hub.url);

    // A case forwarded to the childcare answer group ten days ago: overdue by now.
    clock.advance(-10 * DAY_MS);
    const old = await token('agent', 'agent-earlier');
    const registered = await hub.graphql<{ registerContact: { id: string; reference: string } }>(
      `mutation { registerContact(input: { channel: EMAIL, categoryKey: "barnomsorgsplats", personalNumber: "${BERTIL}", summary: "Frågar om kön" }) { id reference } }`,
      {},
      { token: old },
    );
    overdueReference = registered.data!.registerContact.reference;
    await hub.graphql(
      `mutation { forwardCase(caseId: "${registered.data!.registerContact.id}", answerGroupKey: "forskola", message: "Ring upp") { id } }`,
      {},
      { token: old },
    );
    clock.advance(10 * DAY_MS);

    // The answer group's knowledge-base article for the category, shown beside the contact form.
    await hub.graphql(
      'mutation { createKnowledgeArticle(input: { categoryKey: "barnomsorgsplats", title: "Byta önskad förskola", body: "Ändringar i ansökan gör vårdnadshavaren i e-tjänsten.", checklist: ["Fråga efter barnets namn"], routing: "Svarsgrupp förskola" }) { id } }',
      {},
      { token: await token('case_officer', 'officer-karin') },
    );
    // Another category's article that matches "förskola" in the summary: ranked after the category's own.
    await hub.graphql(
      'mutation { createKnowledgeArticle(input: { categoryKey: "forsorjningsstod", title: "Förskola och försörjningsstöd", body: "Avgiften för förskola kan ingå i försörjningsstödet.", checklist: [], routing: "" }) { id } }',
      {},
      { token: await token('case_officer', 'officer-karin') },
    );
    browser = await launchBrowser();
    agent = await newPage();
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await proxy?.close();
    await hub?.close();
    await Promise.all([sandbox?.close(), issuer?.close()]);
  });

  it('an agent signs in through the dev issuer’s role picker', async () => {
    await agent.goto(consoleUrl);
    await agent.getByRole('button', { name: 'Logga in' }).waitFor();
    await expect(agent.evaluate<string>('document.activeElement.textContent')).resolves.toBe('Logga in'); // Enter signs in
    expect(await axeViolations(agent)).toEqual([]);
    // The tab has the console's icon (inline SVG: nothing to fetch).
    await expect(
      agent.evaluate<string | null>(
        "document.querySelector('link[rel=\"icon\"]')?.getAttribute('href') ?? null",
      ),
    ).resolves.toMatch(/^data:image\/svg\+xml,/);
    // The issuer's role picker names each role once: "handläggare, förskola", not "handläggare – handläggare, förskola".
    await agent.getByRole('button', { name: 'Logga in' }).click();
    await agent.locator('[data-user="officer-karin"]').waitFor();
    await expect(agent.locator('[data-user="officer-karin"] .role').textContent()).resolves.toBe(
      'handläggare, förskola',
    );
    await expect(agent.locator('[data-user="agent-anna"] .role').textContent()).resolves.toBe(
      'agent – kundtjänst',
    );
    await signIn(agent, consoleUrl, 'agent-anna');
    await expect(agent.getByTestId('signed-in-as').textContent()).resolves.toBe(
      'Inloggad som Anna Andersson (kundtjänst)',
    );
    expect(new URL(agent.url()).search).toBe(''); // the code and state are gone from the address bar
  });

  it('looks up the all-four person by keyboard and sees four departments’ statuses, newest first, within a measured first paint', async () => {
    await lookUp(agent, '19900101-2385');
    const view = agent.getByTestId('person-view');
    await view.waitFor();
    const departments = await view
      .locator('table.statuses tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-source')));
    expect(new Set(departments)).toEqual(
      new Set(['childcare-queue', 'invoicing', 'waste-collection', 'building-permits']),
    );
    await expect(view.getByText('Plats erbjuden').count()).resolves.toBeGreaterThan(0);
    await expect(view.locator('[role="alert"]').count()).resolves.toBe(0);

    await agent.waitForFunction("performance.getEntriesByName('lookup-to-person-paint').length === 1");
    const paint = await agent.evaluate<number[]>(
      "performance.getEntriesByName('lookup-to-person-paint').map((e) => e.duration)",
    );
    expect(paint).toHaveLength(1);
    console.log(`lookup → first paint of the person view: ${paint[0].toFixed(0)} ms`);

    expect(await axeViolations(agent)).toEqual([]);
    await screenshot(agent, 'person-view');

    // No case open: the lookup's purpose is the incoming call.
    const audit = await hub.graphql<Audited>(
      `{ auditRecords(personalNumber: "${ANNA}") { actorSubject purpose fieldGroups } }`,
      {},
      { token: await token('admin', 'admin-test') },
    );
    expect(
      audit.data!.auditRecords.find(
        (r) => r.actorSubject === 'agent-anna' && r.fieldGroups.includes('lookup'),
      )?.purpose,
    ).toBe('Inkommande samtal');
  });

  it('looks up an address and shows the property’s waste collection', async () => {
    await lookUp(agent, 'Storgatan 12');
    await agent.getByRole('heading', { name: /Fastighet Storgatan 12/ }).waitFor();
    await expect(agent.getByText('Nästa tömning').count()).resolves.toBeGreaterThan(0);
    await lookUp(agent, ANNA);
    await agent.getByTestId('person-view').waitFor();
    await agent.waitForFunction("performance.getEntriesByName('lookup-to-person-paint').length === 1");
    const again = await agent.evaluate<number>(
      "performance.getEntriesByName('lookup-to-person-paint')[0].duration",
    );
    console.log(
      `lookup → first paint of the person view, the same person again seconds later: ${again.toFixed(0)} ms`,
    );
  });

  it('registers the contact and forwards it to the childcare answer group in one step, with the category’s articles beside the form', async () => {
    const form = agent.locator('aside.contact');
    await agent.keyboard.press('Alt+KeyR');
    await expect(agent.evaluate<string>('document.activeElement.id')).resolves.toBe('contact-channel');
    await form.getByLabel('Kategori').selectOption('barnomsorgsplats');
    // Why the caller got in touch (decision 0086): Swedish labels, sent with the contact.
    await form.getByLabel('Kontaktorsak').selectOption({ label: 'Fråga om status' });
    const articles = form.getByTestId('articles').getByTestId('article');
    await articles.first().getByText('Byta önskad förskola').waitFor();
    await form.getByLabel('Vad gäller kontakten?').fill(SUMMARY);
    // The category's article first; another category's that matches the summary after it; at most three.
    await articles.nth(1).waitFor();
    await expect(articles.locator('summary').allTextContents()).resolves.toEqual([
      'Byta önskad förskola',
      'Förskola och försörjningsstöd (annan kategori)',
    ]);
    // Openable from the keyboard: Enter on the title shows the article's text.
    const body = articles.first().getByText('Ändringar i ansökan gör vårdnadshavaren i e-tjänsten.');
    expect(await body.isVisible()).toBe(false);
    await articles.first().locator('summary').focus();
    await agent.keyboard.press('Enter');
    await body.waitFor();
    // Beside the form on a wide screen: to its right, starting level with it.
    const [formBox, articlesBox] = await Promise.all([
      form.locator('form').boundingBox(),
      form.getByTestId('articles').boundingBox(),
    ]);
    expect(articlesBox!.x).toBeGreaterThanOrEqual(formBox!.x + formBox!.width);
    expect(articlesBox!.y).toBeLessThan(formBox!.y + 100);
    await screenshot(agent, 'contact-knowledge-beside-form');
    await form.getByLabel('Svarsgrupp', { exact: true }).selectOption('forskola');
    await form.getByLabel('Meddelande till svarsgruppen').fill('Ring upp före lunch');
    await form.getByRole('button', { name: 'Skicka till svarsgrupp' }).click();
    const outcome = agent.getByTestId('contact-outcome');
    await outcome.getByText('Svarsgrupp förskola').waitFor();
    forwardedReference = (await outcome.getByTestId('receipt-reference').textContent()) ?? '';
    expect(forwardedReference).toMatch(/^FD-/);
    // The receipt is where the agent is: announced (role=status), focused, within the window.
    await expect(agent.getByRole('status').filter({ hasText: forwardedReference }).count()).resolves.toBe(1);
    await expect(
      agent.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null"),
    ).resolves.toBe('receipt');
    const receipt = await outcome.getByTestId('receipt').boundingBox();
    const window = agent.viewportSize()!;
    expect(receipt!.y).toBeGreaterThanOrEqual(0);
    expect(receipt!.y + receipt!.height).toBeLessThanOrEqual(window.height);
    await expect(outcome.textContent()).resolves.toMatch(/Svar senast \w+dag \d{1,2} \w+ \d{4}\./);
    await screenshot(agent, 'contact-receipt-beside-form');
    await agent.setViewportSize({ width: 390, height: 844 });
    await screenshot(agent, 'contact-receipt-phone');
    await agent.setViewportSize({ width: 1280, height: 900 });
    // The person's contacts list shows it at once, with the answer group's status.
    await expect(agent.getByRole('region', { name: 'Tidigare kontakter' }).textContent()).resolves.toContain(
      `${forwardedReference} Barnomsorgsplats: ${SUMMARY} – Hos svarsgrupp`,
    );
    // The reason was stored: a status question where a department system answers is avoidable.
    const month = new Date().toISOString().slice(0, 7);
    const report = await hub.graphql<{
      avoidableContacts: { rows: { categoryKey: string; contacts: number }[] };
    }>(
      'query($month: String!) { avoidableContacts(month: $month) { rows { categoryKey contacts } } }',
      { month },
      { token: await token('manager', 'manager-maria') },
    );
    expect(report.data!.avoidableContacts.rows).toContainEqual({
      categoryKey: 'barnomsorgsplats',
      contacts: 1,
    });
    expect(await form.getByLabel('Kontaktorsak').inputValue()).toBe('');
    expect(await axeViolations(agent)).toEqual([]);
  });

  it('a case officer sees it in the group queue, overdue first, and replies, notes and closes it', async () => {
    const officer = await newPage();
    await signIn(officer, consoleUrl, 'officer-karin');
    await officer.keyboard.press('Alt+Digit2');
    const queue = officer.getByTestId('queue');
    await explainTimeout(officer, 'queue', () => queue.waitFor());
    const row = queue.locator('tr', { hasText: forwardedReference });
    await expect(row.textContent()).resolves.toContain(SUMMARY);
    // Overdue first, though the server lists newest first.
    const order = await queue.locator('tbody tr td:first-child').allTextContents();
    expect(order.indexOf(overdueReference)).toBe(0);
    expect(order).toContain(forwardedReference);
    await expect(queue.locator('tbody tr').first().textContent()).resolves.toContain('Försenat');
    await expect(officer.getByTestId('queue-count').textContent()).resolves.toBe(
      '2 öppna ärenden, varav 1 försenat.',
    );
    expect(await axeViolations(officer)).toEqual([]);
    await screenshot(officer, 'group-queue');

    await row.getByRole('link', { name: forwardedReference }).click();
    const view = officer.getByTestId('case-view');
    await view.waitFor();
    await expect(officer.getByTestId('case-status').textContent()).resolves.toContain('Hos svarsgrupp');
    await officer.getByLabel('Svar till invånaren').fill('Ringde upp, önskemålet är ändrat.');
    await officer.getByRole('button', { name: 'Spara svar' }).click();
    await officer.getByTestId('timeline').getByText('Svar till invånaren').waitFor();
    await officer.getByLabel('Intern anteckning').fill('Solrosen har plats i januari.');
    await officer.getByRole('button', { name: 'Spara anteckning' }).click();
    await officer.getByTestId('timeline').getByText('Anteckning').waitFor();

    // Looking the caller up while the case is open names the case as the purpose.
    const caseId = decodeURIComponent(new URL(officer.url()).hash.split('/')[2]);
    await lookUp(officer, ANNA);
    await officer.getByTestId('person-view').waitFor();
    const audit = await hub.graphql<Audited>(
      `{ auditRecords(personalNumber: "${ANNA}") { actorSubject purpose fieldGroups } }`,
      {},
      { token: await token('admin', 'admin-test') },
    );
    expect(
      audit.data!.auditRecords.find(
        (r) => r.actorSubject === 'officer-karin' && r.fieldGroups.includes('lookup'),
      )?.purpose,
    ).toBe(caseId);
    await officer.goBack();
    await view.waitFor();
    await officer.getByLabel('Avslutande svar').fill('Önskad förskola ändrad.');
    await officer.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await officer.getByTestId('case-status').getByText('Avslutat').waitFor();
    expect(await axeViolations(officer)).toEqual([]);
    await screenshot(officer, 'case-closed');

    const { data } = await hub.graphql<{
      cases: { edges: { node: { reference: string; status: string } }[] };
    }>(
      '{ cases(filter: { answerGroupKey: "forskola" }) { edges { node { reference status } } } }',
      {},
      { token: await token('agent', 'agent-check') },
    );
    expect(data!.cases.edges.find((e) => e.node.reference === forwardedReference)?.node.status).toBe(
      'CLOSED',
    );
  });

  it('shows the service goals with a chart per month and whether each target is met', async () => {
    await agent.keyboard.press('Alt+Digit3');
    const stats = agent.getByTestId('stats-view');
    await stats.waitFor();
    await stats.locator('.recharts-bar-rectangle, .recharts-surface').first().waitFor();
    const verdicts = await stats.getByTestId('goal-verdict').allTextContents();
    expect(verdicts).toHaveLength(2);
    for (const verdict of verdicts) expect(['Når målet', 'Når inte målet']).toContain(verdict);
    // Each share says what it is of: the decided cases, with the pending ones beside it.
    expect(await stats.getByTestId('goal-basis').allTextContents()).toEqual([
      expect.stringMatching(/^av \d+ kontakt(er)?$/),
      expect.stringMatching(/^av \d+ avgjorda(, \d+ pågående)?$/),
    ]);
    // Coverage (decision 0086): the share of this month's contacts a department system answers.
    await expect(stats.getByTestId('coverage-share').textContent()).resolves.toMatch(
      /^\d+ % \(\d+ av \d+ kontakt(er)?\)$/,
    );
    expect(await axeViolations(agent)).toEqual([]);
    await screenshot(agent, 'statistics');
  });

  it('a department system that hangs shows its notice while the others render', async () => {
    await sandbox.setFault({ system: 'childcare', mode: 'hang' });
    try {
      await lookUp(agent, BERTIL);
      const view = agent.getByTestId('person-view');
      await explainTimeout(agent, 'department-down', () => view.waitFor({ timeout: 30_000 }));
      await expect(agent.getByTestId('source-notice-childcare-queue').textContent()).resolves.toContain(
        'svarar inte just nu',
      );
      const sources = await view
        .locator('table.statuses tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-source')));
      expect(sources).toEqual(expect.arrayContaining(['invoicing', 'building-permits']));
      expect(sources).not.toContain('childcare-queue');
      expect(await axeViolations(agent)).toEqual([]);
      await screenshot(agent, 'department-down');

      // Anna was read minutes ago (past the cache's 15 s): her childcare part is served stale, with its time.
      clock.advance(60_000);
      await lookUp(agent, ANNA);
      const stale = agent.getByTestId('source-notice-childcare-queue');
      await stale.waitFor({ timeout: 30_000 });
      await expect(stale.textContent()).resolves.toMatch(
        /Uppgifterna visas från \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
      );
      await expect(
        agent.locator('table.statuses tbody tr[data-source="childcare-queue"]').count(),
      ).resolves.toBeGreaterThan(0);
    } finally {
      await sandbox.clearFaults();
    }
  });

  it('a protected identity shows the protection marking and no address', async () => {
    await lookUp(agent, CECILIA);
    const view = agent.getByTestId('person-view');
    await explainTimeout(agent, 'protected', () =>
      view.getByTestId('protected-identity').waitFor({ timeout: 30_000 }),
    );
    const text = (await view.textContent()) ?? '';
    expect(text).toContain('Skyddade personuppgifter');
    expect(text).not.toMatch(/Folkbokföringsadress/);
    expect(await axeViolations(agent)).toEqual([]);
  });

  it('a citizen cannot open the console', async () => {
    const citizen = await newPage();
    await signIn(citizen, consoleUrl, 'citizen-anna');
    await expect(citizen.getByTestId('not-staff').textContent()).resolves.toBe(
      'Konsolen är för kontaktcenterpersonal',
    );
    // Sent to the citizen page by its name, with a link to it.
    const link = citizen.getByRole('link', { name: 'Mina ärenden' });
    await expect(link.getAttribute('href')).resolves.toBe('/mina-arenden/');
    await expect(citizen.getByTestId('not-staff-detail').textContent()).resolves.not.toContain('Mina sidor');
    await screenshot(citizen, 'not-staff-citizen-message');
    await expect(citizen.locator('table, [data-testid="person-view"], nav').count()).resolves.toBe(0);
    expect(await axeViolations(citizen)).toEqual([]);
  });
});
