import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import {
  DEMO_CASE_SETUP,
  allPluginsWithRegister,
  sandboxConnection,
  startDevIssuer,
  startHub,
  startSandbox,
  type DevIssuerHandle,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';
import { PluginHost } from '@frontdoor/gateway';
import {
  AuditRecord,
  CallbackRequest,
  CitizenNotificationPreference,
  DEFAULT_TELEPHONY_SETTINGS,
  ServiceCase,
  isOpenAt,
  stockholmClock,
} from '@frontdoor/core';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import {
  CHROMIUM,
  SCREENSHOTS,
  axeViolations,
  explainTimeout,
  launchBrowser,
  screenshot,
  startLoopbackProxy,
  type LoopbackProxy,
} from '@frontdoor/testing/browser';
import { ensureCitizenWebBuilt } from './citizen-web-build';

/**
 * The citizen page "Mina ärenden" in a real browser (Debian's Chromium through playwright-core)
 * against the real gateway, sandbox, database and dev OIDC issuer (sign-in: authorization code
 * with PKCE through its picker), at a phone's 360 px and a desktop's 1,280 px.
 */
const ANNA = '199001012385'; // all-four: a matter in each of the four departments; guardian of Tilde
const ELSA = '201708142425'; // Anna's daughter in year 3: she reports her sick
const OLGA = '190001019801'; // gives Anna a power of attorney for building permits
const CECILIA = '200002292399'; // holds Anna's power of attorney for every open department

const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!browserAvailable)
  console.warn(`citizen page browser tests: not run, no Chromium at ${CHROMIUM} (apt-get install chromium)`);

jest.setTimeout(90_000);

(browserAvailable ? describe : describe.skip)('Mina ärenden, the citizen page, in the browser', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let issuer: DevIssuerHandle;
  let proxy: LoopbackProxy;
  let browser: Browser;
  let pageUrl: string;
  let annasCaseReference = '';
  let waitingCaseReference = '';
  let annasWaitingReference = '';

  async function signedIn(width: number, user: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();
    await page.locator(`[data-user="${user}"]`).click();
    await explainTimeout(page, `sign-in-${user}-${width}`, () =>
      page.getByTestId('my-page').waitFor({ timeout: 30_000 }),
    );
    return page;
  }

  beforeAll(async () => {
    ensureCitizenWebBuilt();
    proxy = await startLoopbackProxy();
    pageUrl = `${proxy.url}/mina-arenden/`;
    [sandbox, issuer] = await Promise.all([
      startSandbox(),
      startDevIssuer({ env: { CITIZEN_REDIRECT_URIS: pageUrl } }),
    ]);
    hub = await startHub({
      sandbox,
      plugins: {
        ...allPluginsWithRegister(sandbox),
        // Anna reports Elsa sick from "Du företräder".
        'school-absence': { connection: sandboxConnection(sandbox, 'school') },
      },
      cases: DEMO_CASE_SETUP,
      env: { AUTH_OIDC_ISSUER: issuer.url },
    });
    proxy.forwardTo(hub.url);
    await hub.app.get(PluginHost).jobs.runNow('waste-collection', 'import-export');

    // A phone contact of Anna's, answered by the group: her timeline shows the answer.
    const agent = await hub.token('agent', 'agent-anna', 'Anna Agent');
    const registered = await hub.graphql<{ registerContact: { id: string; reference: string } }>(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", personalNumber: "${ANNA}", summary: "Frågar om kön", resolvedAtFirstLine: false }) { id reference } }`,
      {},
      { token: agent },
    );
    const { id, reference } = registered.data!.registerContact;
    annasCaseReference = reference;
    const officer = await hub.token('case_officer', 'officer-karin', 'Karin Lund');
    for (const [mutation, token] of [
      [`forwardCase(caseId: "${id}", answerGroupKey: "forskola", message: "Internt: ring henne")`, agent],
      [`addCaseNote(caseId: "${id}", text: "Intern anteckning")`, officer],
      [`replyToCitizen(caseId: "${id}", text: "Du står på plats 3 i kön.")`, officer],
    ] as const) {
      const { errors } = await hub.graphql(`mutation { ${mutation} { id } }`, {}, { token });
      expect(errors).toBeUndefined();
    }
    // A second case waits for Anna: the reason is staff text, the citizenText is for her (issue 23).
    const second = await hub.graphql<{ registerContact: { id: string; reference: string } }>(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", personalNumber: "${ANNA}", summary: "Anna ringde och var upprörd över kön", resolvedAtFirstLine: false }) { id reference } }`,
      {},
      { token: agent },
    );
    expect(second.errors).toBeUndefined();
    waitingCaseReference = second.data!.registerContact.reference;
    const wakeOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    for (const [mutation, token] of [
      [
        `forwardCase(caseId: "${second.data!.registerContact.id}", answerGroupKey: "forskola", message: "Internt: ring henne")`,
        agent,
      ],
      [
        `parkCase(caseId: "${second.data!.registerContact.id}", wakeOn: "${wakeOn}", reason: "Internt: rektorn tvekar", citizenText: "Skicka ett intyg från din arbetsgivare.")`,
        officer,
      ],
    ] as const) {
      const { errors } = await hub.graphql(`mutation { ${mutation} { id } }`, {}, { token });
      expect(errors).toBeUndefined();
    }
    // A third case the group parks waiting for her: "Att göra" links to its card.
    const waiting = await hub.graphql<{ registerContact: { id: string; reference: string } }>(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", personalNumber: "${ANNA}", summary: "Vill byta förskola", resolvedAtFirstLine: false }) { id reference } }`,
      {},
      { token: agent },
    );
    annasWaitingReference = waiting.data!.registerContact.reference;
    const laterWakeOn = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    for (const [mutation, token] of [
      [
        `forwardCase(caseId: "${waiting.data!.registerContact.id}", answerGroupKey: "forskola", message: "Vill byta förskola")`,
        agent,
      ],
      [
        `parkCase(caseId: "${waiting.data!.registerContact.id}", reason: "Vi behöver veta vilket datum du vill börja.", wakeOn: "${laterWakeOn}")`,
        officer,
      ],
    ] as const) {
      const { errors } = await hub.graphql(`mutation { ${mutation} { id } }`, {}, { token });
      expect(errors).toBeUndefined();
    }
    // Three weeks of staff reads before today, so her access history has more than one page.
    const { partyId } = await hub.dataSource
      .getRepository(ServiceCase)
      .findOneByOrFail({ reference: annasCaseReference });
    await hub.dataSource.getRepository(AuditRecord).insert(
      Array.from({ length: 21 }, (_, d) => ({
        id: randomUUID(),
        occurredAt: new Date(Date.UTC(2026, 10, 1 + d, 9)),
        actorSubject: 'agent-earlier',
        actorRole: 'agent',
        partyId: partyId!,
        plugins: ['childcare-queue'],
        fieldGroups: ['statuses', 'callbackContact'],
        purpose: null,
        requestId: randomUUID(),
      })),
    );
    // Powers of attorney, registered by the first line from the signed documents (issue 24).
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    for (const input of [
      `{ principalPersonalNumber: "${OLGA}", agentPersonalNumber: "${ANNA}", departments: ["Bygglov"], validFrom: "${today}" }`,
      `{ principalPersonalNumber: "${ANNA}", agentPersonalNumber: "${CECILIA}", allOpenDepartments: true, validFrom: "${today}" }`,
    ]) {
      const { errors } = await hub.graphql(
        `mutation { registerPowerOfAttorney(input: ${input}) { id } }`,
        {},
        { token: agent },
      );
      expect(errors).toBeUndefined();
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await issuer?.close();
    await sandbox?.close();
    await proxy?.close();
  });

  describe.each([360, 390, 1280])('at %i px', (width) => {
    let page: Page;
    beforeAll(async () => {
      page = await signedIn(width, 'citizen-anna');
    });
    afterAll(async () => {
      await page?.context().close();
    });

    it('shows what she must do next first: the offer to answer and the invoice to pay, with dates', async () => {
      const headings = await page.locator('main h2').allTextContents();
      expect(headings[0]).toBe('Att göra');
      const todo = page.getByTestId('next-steps');
      await expect(todo.textContent()).resolves.toContain('Svara på erbjudandet senast');
      await expect(todo.getByText('Senast', { exact: false }).count()).resolves.toBeGreaterThan(0);
      // Then every matter from the four departments.
      const matters = await page.getByTestId('matters').textContent();
      for (const reference of ['FSK-2026-0412', 'BN 2026-000187', 'P-1001', '2026-10045'])
        expect(matters).toContain(reference);
      await screenshot(page, `citizen-web-${width}`);
      // What a person sees first, for the README (docs/images/mina-arenden.png is copied from the 1,280 px one).
      await page.screenshot({ path: resolve(SCREENSHOTS, `citizen-web-first-view-${width}.png`) });
    });

    it('has no horizontal scrolling and no axe violations (WCAG 2.1 A and AA)', async () => {
      const overflow = await page.evaluate<boolean>(
        'document.documentElement.scrollWidth > document.documentElement.clientWidth',
      );
      expect(overflow).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
    });

    it('opens a case’s timeline by keyboard: the answer, no internal notes, no officers’ names', async () => {
      const card = page.locator(`li[data-reference="${annasCaseReference}"]`);
      const toggle = card.getByRole('button', { name: 'Visa vad som har hänt' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      const timeline = card.getByRole('list', { name: `Händelser i ärende ${annasCaseReference}` });
      await timeline.waitFor();
      const text = await timeline.textContent();
      expect(text).toContain('Du fick svar');
      expect(text).toContain('Du står på plats 3 i kön.');
      for (const hidden of ['Intern anteckning', 'Internt: ring henne', 'Karin'])
        expect(text).not.toContain(hidden);
      await expect(
        card.getByRole('button', { name: 'Dölj vad som har hänt' }).getAttribute('aria-expanded'),
      ).resolves.toBe('true');
      expect(await axeViolations(page)).toEqual([]);
    });

    it('shows a case waiting for her with the fixed line and the text written for her, never staff text', async () => {
      const todo = page.getByTestId('next-steps');
      const waiting = todo.locator('li', { hasText: waitingCaseReference });
      await expect(waiting.textContent()).resolves.toMatch(
        /Vi behöver mer från dig\. Vi väntar på ditt svar till \p{L}+ \d{1,2} \p{L}+ \d{4}\. Skicka ett intyg från din arbetsgivare\./u,
      );
      const card = page.locator(`li[data-reference="${waitingCaseReference}"]`);
      await card.getByRole('button', { name: 'Visa vad som har hänt' }).click();
      const timeline = card.getByRole('list', { name: `Händelser i ärende ${waitingCaseReference}` });
      await timeline.waitFor();
      await expect(timeline.locator('li .event').allTextContents()).resolves.toEqual([
        'Vi har tagit emot ditt ärende.',
        'Ditt ärende har skickats till Svarsgrupp förskola.',
        expect.stringMatching(/^Vi behöver mer från dig\. Vi väntar på ditt svar till /),
      ]);
      await expect(timeline.locator('li .message').allTextContents()).resolves.toEqual([
        'Skicka ett intyg från din arbetsgivare.',
      ]);
      const everything = await page.locator('main').textContent();
      for (const staffText of ['upprörd', 'Internt', 'rektorn']) expect(everything).not.toContain(staffText);
      expect(await axeViolations(page)).toEqual([]);
      await card.screenshot({
        path: resolve(SCREENSHOTS, `citizen-text-mina-arenden-timeline-${width}.png`),
      });
      await screenshot(page, `citizen-text-mina-arenden-${width}`);
    });

    it('asks a question with the keyboard only and sees its receipt, then the case in her list', async () => {
      const select = page.getByLabel('Vad gäller frågan?');
      await select.focus();
      // Type-ahead on the focused list, as a keyboard user picks an option.
      await page.keyboard.type('Avfall');
      await expect(select.inputValue()).resolves.toBe('avfall');
      await page.keyboard.press('Tab');
      await page.keyboard.type(`Kärlet töms inte (${width} px)`);
      await page.keyboard.press('Tab'); // from the question to the e-mail field
      await expect(page.evaluate<string>('document.activeElement.id')).resolves.toBe('ask-email');
      await page.keyboard.type('anna@example.se');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.evaluate<string>('document.activeElement.textContent')).resolves.toBe(
        'Skicka frågan',
      );
      await page.keyboard.press('Enter');
      const receipt = page.getByTestId('receipt');
      await explainTimeout(page, `receipt-${width}`, () => receipt.waitFor());
      const text = (await receipt.textContent())!;
      const reference = /FD-\d{4}-[A-Z0-9]+/.exec(text)![0];
      expect(text).toContain('Svarsgrupp avfall');
      expect(text).toMatch(/Du får svar senast/);
      await expect(page.evaluate<string>('document.activeElement.dataset.testid')).resolves.toBe('receipt');
      await page.locator(`li[data-reference="${reference}"]`).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `citizen-web-receipt-${width}`);
    });

    it('shows who has read her data, in plain Swedish, without her own reads', async () => {
      await page.reload();
      await page.getByTestId('my-page').waitFor();
      const history = (await page.getByTestId('access-history').textContent())!;
      expect(history).toContain('Handläggare och kundtjänst');
      expect(history).toContain('Förskola');
      expect(history).toContain('dina kontaktuppgifter');
      for (const internal of ['Du själv', 'childcare-queue', 'callbackContact', 'casePerson', 'statuses'])
        expect(history).not.toContain(internal);
    });
  });

  describe('at a phone’s 390 px', () => {
    let page: Page;
    beforeAll(async () => {
      page = await signedIn(390, 'citizen-anna');
    });
    afterAll(async () => {
      await page?.context().close();
    });

    it('never breaks a date, reference or amount across lines, and does not scroll sideways', async () => {
      // Every case card open, so the timelines' dates are measured too.
      // (An opened card's button is renamed "Dölj …", so the first closed one is always next.)
      const closed = page.getByRole('button', { name: 'Visa vad som har hänt' });
      for (let opened = 0; opened < 20 && (await closed.count()) > 0; opened++) await closed.first().click();
      await expect(closed.count()).resolves.toBe(0);
      const values = await page.evaluate<{ text: string; lines: number }[]>(
        `[...document.querySelectorAll('.value')].map((e) => ({ text: e.textContent, lines: e.getClientRects().length }))`,
      );
      expect(values.length).toBeGreaterThan(20);
      expect(values.filter((v) => v.lines !== 1)).toEqual([]);
      const texts = values.map((v) => v.text);
      for (const value of ['FSK-2026-0412', '2026-10045', annasCaseReference, '5050-1055', '1 750 kr'])
        expect(texts).toContain(value);
      const overflow = await page.evaluate<boolean>(
        'document.documentElement.scrollWidth > document.documentElement.clientWidth',
      );
      expect(overflow).toBe(false);
    });

    it('links each "Att göra" item to where it is done: the offer’s e-service, the invoice’s payment, the waiting case’s card', async () => {
      const todo = page.getByTestId('next-steps');
      const offer = todo.getByRole('link', { name: 'Svara på erbjudandet' });
      await expect(offer.getAttribute('href')).resolves.toBe(
        'https://e-tjanster.exempelstad.se/forskola/erbjudande/FSK-2026-0412',
      );
      const invoice = todo.locator('li', { hasText: 'Faktura 2026-10045' });
      const payment = await invoice.getByTestId('todo-payment').textContent();
      expect(payment).toContain('Bankgiro5050-1055');
      expect(payment).toMatch(/OCR-nummer\d+/);
      expect(payment).toContain('Belopp1 750 kr');
      // The offer's card says its date once, in the next step, not again in another format.
      const offerCard = todo.locator('li', { hasText: 'Förskoleplats för Tilde' });
      await expect(offerCard.locator('.by').count()).resolves.toBe(0);
      // The waiting case: the link moves to its card (keyboard), where she reads what is needed.
      const link = todo
        .locator('li', { hasText: annasWaitingReference })
        .getByRole('link', { name: 'Läs vad vi behöver från dig' });
      // Each waiting case says its date once: in the hub's line, not again as "Senast".
      await expect(
        todo.locator('li', { hasText: annasWaitingReference }).locator('.by').count(),
      ).resolves.toBe(0);
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        `document.activeElement?.dataset?.reference === ${JSON.stringify(annasWaitingReference)}`,
      );
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'citizen-web-todo-390');
      await todo.screenshot({ path: resolve(SCREENSHOTS, 'citizen-web-todo-section-390.png') });
    });

    it('shows the matters of those she represents, chosen from a list, and the powers given and received', async () => {
      const section = page.getByTestId('representation');
      const select = section.getByLabel('Visa ärenden för');
      await select.waitFor();
      await expect(select.locator('option').allTextContents()).resolves.toEqual([
        'Ditt barn, fött 29 februari 2024',
        'Ditt barn, fött 14 augusti 2017',
        'Fullmakt från 19000101-9801',
      ]);
      // Her power from Olga reaches building permits only: the rest is withheld, saying why.
      await select.selectOption(OLGA);
      await section.getByRole('button', { name: 'Visa ärenden' }).click();
      const matters = section.getByTestId('on-behalf-matters');
      await explainTimeout(page, 'on-behalf-olga', () => matters.waitFor());
      await expect(matters.textContent()).resolves.toContain('BN 2026-000078');
      await expect(
        section.getByRole('list', { name: 'Du får inte se de här ärendena:' }).textContent(),
      ).resolves.toContain('Avfall och återvinning: Fullmakten omfattar inte Avfall och återvinning.');
      const powers = await section.getByTestId('powers').allTextContents();
      expect(powers.join(' ')).toContain('Till 20000229-2399');
      expect(powers.join(' ')).toContain('alla förvaltningar utan sekretess');
      expect(powers.join(' ')).toContain('Från 19000101-9801');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'citizen-web-representation-390');
      await section.screenshot({ path: resolve(SCREENSHOTS, 'citizen-web-representation-section-390.png') });
      // Her daughter's, as her guardian (custody from the population register).
      await select.selectOption({ index: 0 });
      await section.getByRole('button', { name: 'Visa ärenden' }).click();
      await section.getByRole('heading', { name: 'Ärenden för ditt barn, fött 29 februari 2024' }).waitFor();
      const overflow = await page.evaluate<boolean>(
        'document.documentElement.scrollWidth > document.documentElement.clientWidth',
      );
      expect(overflow).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      // Tilde is two: no sick report for her.
      expect(await section.getByTestId('sick-report').count()).toBe(0);
    });

    it('reports her schoolchild sick for tomorrow afternoon, by keyboard, and hears what was registered', async () => {
      const section = page.getByTestId('representation');
      await section.getByLabel('Visa ärenden för').selectOption(ELSA);
      await section.getByRole('button', { name: 'Visa ärenden' }).click();
      const form = section.getByTestId('sick-report');
      await explainTimeout(page, 'sick-report-elsa', () => form.waitFor());
      await form.getByRole('radio', { name: /^I morgon/ }).check();
      await form.getByRole('radio', { name: 'Eftermiddag' }).check();
      await form.getByRole('button', { name: 'Sjukanmäl' }).press('Enter');
      const result = form.getByRole('status');
      await result.waitFor();
      await expect(result.textContent()).resolves.toMatch(
        /^Sjukanmälan är registrerad: \d{4}-\d{2}-\d{2}, eftermiddag \(FR-\d+\)\.$/,
      );
      await page.waitForFunction('document.activeElement?.dataset?.testid === "sick-report-result"');
      const booked = (await (await fetch(`${sandbox.url}/school/admin/absences`)).json()) as {
        reportedBy: string;
      }[];
      expect(booked.map((b) => b.reportedBy)).toEqual([ANNA]);
      expect(await axeViolations(page)).toEqual([]);
      await section.screenshot({ path: resolve(SCREENSHOTS, 'citizen-web-sick-report-390.png') });
    });

    it('shows her access history a page at a time: "Visa fler" by keyboard, focus to the first new day, announced', async () => {
      const history = page.getByTestId('access-history');
      await expect(history.getByTestId('access-group').count()).resolves.toBe(10);
      const more = history.getByRole('button', { name: 'Visa fler' });
      await more.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(`document.querySelectorAll('[data-testid="access-group"]').length > 10`);
      const groups = await history.getByTestId('access-group').all();
      await expect(
        page.evaluate<boolean>(
          `document.activeElement === document.querySelectorAll('[data-testid="access-group"]')[10]`,
        ),
      ).resolves.toBe(true);
      await expect(history.getByTestId('access-announcement').textContent()).resolves.toMatch(/till visas/);
      // No day and kind twice.
      const keys = await Promise.all(groups.map((g) => g.getAttribute('data-key')));
      expect(new Set(keys).size).toBe(keys.length);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'citizen-web-access-history-390');
      await history.screenshot({ path: resolve(SCREENSHOTS, 'citizen-web-access-history-section-390.png') });
    });

    it('chooses texts for her notices: a landline is refused in Swedish, a mobile number is saved', async () => {
      const section = page.locator('section', {
        has: page.getByRole('heading', { name: 'Meddelanden till dig' }),
      });
      const save = section.getByRole('button', { name: 'Spara' });
      await section.getByLabel('Skicka sms när något händer i mina ärenden').check();
      const phone = section.getByLabel('Mobilnummer (tom: det du skrev i ärendet)');
      await phone.fill('08-123 456 78');
      await save.click();
      await section.getByRole('status').getByText('Skriv ett mobilnummer', { exact: false }).waitFor();
      await phone.fill('070-123 45 67');
      await save.click();
      await section.getByRole('status').getByText('Sparat.').waitFor();
      const { partyId } = await hub.dataSource
        .getRepository(ServiceCase)
        .findOneByOrFail({ reference: annasCaseReference });
      await expect(
        hub.dataSource.getRepository(CitizenNotificationPreference).findOneBy({ partyId: partyId! }),
      ).resolves.toMatchObject({ channel: 'SMS', phone: '+46701234567', email: null });
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'citizen-web-notifications-sms-390');
      // Back to e-mail, as she had it.
      await section.getByLabel('Skicka mejl när något händer i mina ärenden').check();
      await save.click();
      const preference = () =>
        hub.dataSource.getRepository(CitizenNotificationPreference).findOneBy({ partyId: partyId! });
      for (const until = Date.now() + 10_000; (await preference())?.channel !== 'EMAIL';) {
        if (Date.now() > until) throw new Error('the choice of e-mail was not saved');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await expect(preference()).resolves.toMatchObject({ phone: null });
    });
  });

  it('shows "Att göra" and the access history at a desktop’s 1,280 px', async () => {
    const page = await signedIn(1280, 'citizen-anna');
    await page.getByTestId('access-history').getByTestId('access-group').first().waitFor();
    await expect(page.getByTestId('next-steps').getByTestId('todo-action').count()).resolves.toBeGreaterThan(
      1,
    );
    await screenshot(page, 'citizen-web-todo-and-access-1280');
    await page
      .getByTestId('next-steps')
      .screenshot({ path: resolve(SCREENSHOTS, 'citizen-web-todo-section-1280.png') });
    await page
      .getByTestId('access-history')
      .screenshot({ path: resolve(SCREENSHOTS, 'citizen-web-access-history-section-1280.png') });
    await page.context().close();
  });

  it('another citizen sees only their own, and the API refuses Anna’s data to Bertil', async () => {
    const page = await signedIn(360, 'citizen-bertil');
    const text = (await page.getByTestId('my-page').textContent())!;
    expect(text).not.toContain(annasCaseReference);
    expect(text).not.toContain('FSK-2026-0412');
    // His own token, from the page's session storage, asking for Anna by personal number.
    const status = await page.evaluate<{ code: string | undefined; data: unknown }>(`(async () => {
      const token = sessionStorage.getItem('frontdoor.citizen.token');
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
        body: JSON.stringify({ query: '{ person(personalNumber: "${ANNA}") { statuses { reference } } }' }),
      });
      const body = await response.json();
      return { code: body.errors?.[0]?.extensions?.code, data: body.data };
    })()`);
    expect(status.code).toBe('FORBIDDEN');
    expect(status.data ?? { person: null }).toEqual({ person: null });
    await page.context().close();
  });

  it('lets a citizen ask to be rung back at a time the contact center is open, and shows it', async () => {
    // The first quarter hour at least 30 minutes ahead when the default queue is open (the real
    // clock: the dev issuer's tokens are real-time). None within the next 70 hours (a long
    // holiday) is checked as a refusal instead.
    const hours = DEFAULT_TELEPHONY_SETTINGS.callbacks.openingHours;
    const quarter = 15 * 60_000;
    const from = Math.ceil((Date.now() + 30 * 60_000) / quarter) * quarter;
    let slot: Date | undefined;
    for (let at = from; at < Date.now() + 70 * 3_600_000 && !slot; at += quarter)
      if (isOpenAt(hours, new Date(at))) slot = new Date(at);
    const page = await signedIn(360, 'citizen-bertil');
    const section = page.getByTestId('callback');
    await section.getByLabel('Ditt telefonnummer').fill('070-111 22 33');
    await section.getByLabel('Vid en viss tid').check();
    await section.getByRole('button', { name: 'Ring upp mig' }).click();
    await expect(section.getByRole('status').textContent()).resolves.toBe('Välj en tid.');
    const { date, time } = stockholmClock(slot ?? new Date(from));
    await section.getByLabel('Tid', { exact: true }).fill(`${date}T${time}`);
    await section.getByRole('button', { name: 'Ring upp mig' }).click();
    if (!slot) {
      await explainTimeout(page, 'callback-refused', () =>
        section
          .getByText(/Vi ringer/)
          .first()
          .waitFor(),
      );
      await page.context().close();
      return;
    }
    await explainTimeout(page, 'callback-open', () => section.getByTestId('callback-open').waitFor());
    await expect(section.getByTestId('callback-open').textContent()).resolves.toBe(
      `Vi ringer +46701112233. Vi ringer dig ${date} kl. ${time}.`,
    );
    const stored = await hub.dataSource
      .getRepository(CallbackRequest)
      .findOneByOrFail({ number: '+46701112233' });
    expect(stored).toMatchObject({ source: 'CITIZEN', status: 'WAITING', queue: 'kundtjanst' });
    expect(stored.dueAt.getTime()).toBe(slot.getTime());
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'citizen-web-callback-360');
    await page.context().close();
  });
});
