import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import {
  CHROMIUM,
  SCREENSHOTS,
  axeViolations,
  explainTimeout,
  launchBrowser,
  screenshot,
  signIn,
} from './browser';
import { ensureConsoleBuilt } from './console-build';
import { startLoopbackProxy, type LoopbackProxy } from './loopback-proxy';

/**
 * The README's case chain as the people in it do it, in ONE browser context (one tab's
 * storage, one set of the provider's cookies): the agent takes the call with the callback
 * number and forwards it, signs out (RP-initiated logout ends the provider's session), the
 * case officer signs in through the role picker in the same browser, sees whom to call back
 * and by when, takes the case, opens the person from it (audited with the case as purpose),
 * and closes it. A screenshot of every step goes to tmp/agent-console-screenshots/chain-*.png.
 */
const ANNA = '199001012385';
const SUMMARY = 'Vill byta önskad förskola till Solrosen';

interface Audited {
  auditRecords: { actorSubject: string; purpose: string | null; fieldGroups: string[] }[];
}

const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);
jest.setTimeout(90_000);

(browserAvailable ? describe : describe.skip)(
  'the case chain in one browser: agent, sign-out, officer',
  () => {
    let sandbox: SandboxHandle;
    let hub: TestHub;
    let issuer: DevIssuerHandle;
    let proxy: LoopbackProxy;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let consoleUrl: string;
    let reference = '';
    let caseId = '';

    async function lookUp(input: string): Promise<void> {
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
        plugins: allPluginsWithRegister(sandbox),
        cases: DEMO_CASE_SETUP,
        env: { AUTH_OIDC_ISSUER: issuer.url },
      });
      proxy.forwardTo(hub.url);
      // Anna called last week and left her number: the agent can fill it in again with one press.
      await hub.graphql(
        `mutation { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", personalNumber: "${ANNA}", summary: "Var i kön?", resolvedAtFirstLine: true, resolution: "Plats 14", contact: { phone: "0701234567" } }) { id } }`,
        {},
        { token: await hub.token('agent', 'agent-earlier', 'Pia Persson') },
      );
      browser = await launchBrowser();
      context = await browser.newContext({
        viewport: { width: 1400, height: 1000 },
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
      });
      context.setDefaultTimeout(30_000);
      page = await context.newPage();
    }, 90_000);

    afterAll(async () => {
      await context?.close().catch(() => undefined);
      await browser?.close();
      await proxy?.close();
      await hub?.close();
      await Promise.all([sandbox?.close(), issuer?.close()]);
    });

    it('1. the agent signs in, looks Anna up and registers the call with the callback number, forwarded', async () => {
      await signIn(page, consoleUrl, 'agent-anna');
      await expect(page.getByTestId('signed-in-as').textContent()).resolves.toBe(
        'Inloggad som Anna Andersson (kundtjänst)',
      );
      await lookUp(ANNA);
      const view = page.getByTestId('person-view');
      await view.waitFor();
      // The matters, most urgent first: what she must do (answer the offer) on top, naming the preschool.
      const rows = view.locator('table.statuses tbody tr');
      await expect(rows.first().getByTestId('status-label').textContent()).resolves.toBe(
        'Plats erbjuden: Förskolan Solrosen',
      );
      // At 1,400 px no date, reference or personal number breaks mid-value ("2026-/12-02").
      const broken = await page.evaluate<string[]>(`(() => {
        const split = [];
        for (const cell of document.querySelectorAll('table.statuses td')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const m of node.textContent.matchAll(/\\d[\\d\\u00a0\\u2011-]*\\d/g)) {
              const r = document.createRange();
              r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
              if (new Set([...r.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) split.push(m[0]);
            }
          }
        }
        return split;
      })()`);
      expect(broken).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'chain-0-agent-person-matters');
      const form = page.locator('aside.contact');
      await page.keyboard.press('Alt+KeyR');
      await form.getByLabel('Kategori').selectOption('barnomsorgsplats');
      await form.getByLabel('Vad gäller kontakten?').fill(SUMMARY);
      await form.getByTestId('prefill-contact').click();
      await expect(form.getByLabel('Telefonnummer').inputValue()).resolves.toBe('070-123 45 67');
      await form.getByLabel('E-post').fill('anna.andersson@exempel.se');
      await form.getByLabel('Svarsgrupp', { exact: true }).selectOption('forskola');
      await form.getByLabel('Meddelande till svarsgruppen').fill('Ring upp vårdnadshavaren före lunch');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'chain-1-agent-contact-with-callback');
      await form.getByRole('button', { name: 'Skicka till svarsgrupp' }).click();
      const outcome = page.getByTestId('contact-outcome');
      await outcome.getByText('Svarsgrupp förskola').waitFor();
      reference = /FD-[\w-]+/.exec((await outcome.textContent()) ?? '')![0];
      // The receipt to read to the caller has the focus, in view, with the group and the day to answer by.
      await expect(
        page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null"),
      ).resolves.toBe('receipt');
      const box = (await outcome.getByTestId('receipt').boundingBox())!;
      expect(box.y >= 0 && box.y + box.height <= page.viewportSize()!.height).toBe(true);
      await expect(outcome.textContent()).resolves.toMatch(/Svar senast \S+ \d{1,2} \S+ \d{4}\./);
      await screenshot(page, 'chain-2-agent-forwarded');
    });

    it('2. a number that is not Swedish is refused in Swedish, next to the form, and nothing is registered', async () => {
      const form = page.locator('aside.contact');
      await form.getByLabel('Kategori').selectOption('barnomsorgsplats');
      await form.getByLabel('Vad gäller kontakten?').fill('Fel nummer');
      await form.getByLabel('Svar som gavs').fill('Inget');
      await form.getByLabel('Telefonnummer').fill('070-123');
      await form.getByRole('button', { name: 'Löst direkt' }).click();
      await form
        .getByTestId('contact-outcome')
        .getByText('Telefonnumret är inte ett giltigt svenskt nummer (t.ex. 070-123 45 67).')
        .waitFor();
      await form.getByLabel('Telefonnummer').fill('');
    });

    it('3. "Logga ut" ends the provider’s session too: "Logga in" shows the role picker again', async () => {
      await page.getByRole('button', { name: 'Logga ut' }).click();
      // The provider's own logout page (end_session_endpoint), then back to the console.
      await explainTimeout(page, 'provider-logout', () =>
        page.getByRole('heading', { name: 'Logga ut' }).waitFor(),
      );
      expect(new URL(page.url()).origin).toBe(new URL(issuer.url).origin);
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await explainTimeout(page, 'back-after-logout', () =>
        page.getByRole('button', { name: 'Logga in' }).waitFor(),
      );
      expect(page.url().startsWith(consoleUrl)).toBe(true);
      expect(new URL(page.url()).search).toBe('');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'chain-3-signed-out');
      await page.getByRole('button', { name: 'Logga in' }).click();
      await explainTimeout(page, 'picker-again', () =>
        page.getByRole('heading', { name: 'Logga in som demoanvändare' }).waitFor(),
      );
      await screenshot(page, 'chain-4-role-picker-again');
    });

    it('4. the case officer signs in in the same browser and sees the case in the queue, with its deadline in words', async () => {
      await page.locator('[data-user="officer-karin"]').click();
      await page.getByTestId('signed-in-as').waitFor();
      await expect(page.getByTestId('signed-in-as').textContent()).resolves.toBe(
        'Inloggad som Karin Lund (handläggare)',
      );
      await page.keyboard.press('Alt+Digit2');
      const queue = page.getByTestId('queue');
      await queue.waitFor();
      const row = queue.locator('tr', { hasText: reference });
      await expect(row.textContent()).resolves.toMatch(/senast \p{L}+ \d{1,2} \p{L}+ \d{4}/u);
      await expect(row.textContent()).resolves.toMatch(/\d arbetsdag(ar)? kvar/);
      await expect(page.getByTestId('queue-count').textContent()).resolves.toBe(
        '1 öppet ärende, varav 0 försenade.',
      );
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'chain-5-officer-queue');
      await row.getByRole('link', { name: reference }).click();
      await page.getByTestId('case-view').waitFor();
      caseId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
    });

    it('5. the case shows whom to call back and how, and the agent by name', async () => {
      const citizen = page.getByTestId('case-citizen');
      await citizen.getByText('Anna Andersson').waitFor();
      await expect(citizen.textContent()).resolves.toContain('19900101-2385');
      await expect(page.getByTestId('case-phone').textContent()).resolves.toBe('070-123 45 67');
      await expect(citizen.textContent()).resolves.toContain('anna.andersson@exempel.se');
      await expect(page.getByTestId('case-due').textContent()).resolves.toMatch(
        /^senast \p{L}+ \d{1,2} \p{L}+ \d{4} \(\d arbetsdag(ar)? kvar\)$/u,
      );
      const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
      expect(timeline).toContain('Anna Andersson');
      expect(timeline).not.toContain('agent-anna');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'chain-6-officer-case-with-citizen');
    });

    it('6. "Ta ärendet" visibly makes it hers', async () => {
      await page.getByRole('button', { name: 'Ta ärendet', exact: true }).click();
      await page
        .getByTestId('case-feedback')
        .getByText('Du har tagit ärendet. Handläggare: Karin Lund.')
        .waitFor();
      await expect(page.getByTestId('case-status').textContent()).resolves.toContain('Karin Lund handlägger');
      await expect(page.getByTestId('case-assignee').textContent()).resolves.toBe('Karin Lund');
      await expect(page.getByRole('button', { name: 'Ta ärendet', exact: true }).count()).resolves.toBe(0);
      await screenshot(page, 'chain-7-officer-took-case');
    });

    it('7. the link to the person’s view is audited with the case as purpose', async () => {
      await page.getByTestId('case-citizen').getByRole('link', { name: '19900101-2385' }).click();
      await page.getByTestId('person-view').waitFor();
      await screenshot(page, 'chain-8-person-from-case');
      const audit = await hub.graphql<Audited>(
        `{ auditRecords(personalNumber: "${ANNA}") { actorSubject purpose fieldGroups } }`,
        {},
        { token: await hub.token('admin', 'admin-test') },
      );
      const officerReads = audit.data!.auditRecords.filter((r) => r.actorSubject === 'officer-karin');
      expect(officerReads.find((r) => r.fieldGroups.includes('lookup'))?.purpose).toBe(caseId);
      expect(officerReads.find((r) => r.fieldGroups.includes('callbackContact'))?.purpose).toBe(reference);
      await page.goBack();
      await page.getByTestId('case-view').waitFor();
    });

    it('8. she parks it while waiting for a document (the clock stops), and takes it back when it comes', async () => {
      const wakeOn = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('sv-SE', {
        timeZone: 'Europe/Stockholm',
      });
      // The form says which text is internal, and shows before saving what the citizen will see (issue 23).
      const form = page.locator('form', { has: page.getByRole('button', { name: 'Vänta på invånaren' }) });
      await form
        .getByLabel('Vad väntar ni på? Intern text (syns inte för invånaren)')
        .fill('Intyg från arbetsgivaren, chefen tjafsar');
      await form.getByLabel('Väcks igen').fill(wakeOn);
      await form.getByLabel('Syns för invånaren').fill('Skicka ett intyg från din arbetsgivare.');
      const preview = form.getByTestId('citizen-preview');
      await preview
        .getByText(/^Vi behöver mer från dig\. Vi väntar på ditt svar till \p{L}+ \d{1,2} \p{L}+ \d{4}\.$/u)
        .waitFor();
      await expect(preview.textContent()).resolves.toContain('Så här ser invånaren det:');
      await expect(preview.locator('.message').textContent()).resolves.toBe(
        'Skicka ett intyg från din arbetsgivare.',
      );
      await expect(preview.textContent()).resolves.not.toContain('tjafsar');
      expect(await axeViolations(page)).toEqual([]);
      await form.screenshot({ path: resolve(SCREENSHOTS, 'citizen-text-console-park-preview.png') });
      await screenshot(page, 'citizen-text-console-park-form');
      const shownBeforeSave = await preview.locator('.event').textContent();
      await page.getByRole('button', { name: 'Vänta på invånaren' }).click();
      await page.getByTestId('case-status').getByText('Väntar på invånaren').waitFor();
      await expect(page.getByTestId('case-due').textContent()).resolves.toMatch(
        /^Väntar på invånaren till \p{L}+ \d{1,2} \p{L}+ \d{4}$/u,
      );
      // The timeline marks what the citizen sees: exactly the preview, and the note as internal.
      const parkedEntry = page.getByTestId('timeline').locator('li').filter({ hasText: 'chefen tjafsar' });
      await expect(parkedEntry.getByTestId('citizen-sees').textContent()).resolves.toBe(
        `Invånaren ser: ${shownBeforeSave} Skicka ett intyg från din arbetsgivare.`,
      );
      // What Anna herself reads, over the same API as Mina ärenden: the preview, never the staff text.
      const anna = await hub.token('citizen', ANNA, 'Anna Andersson');
      const mine = await hub.graphql<{
        me: {
          person: {
            cases: {
              reference: string;
              events: { type: string; citizenHeadline: string; message: string | null }[];
            }[];
          };
        };
      }>(
        '{ me { person { cases { reference events { type citizenHeadline message } } } } }',
        {},
        { token: anna },
      );
      expect(mine.errors).toBeUndefined();
      const parked = mine.data!.me.person.cases.find((c) => c.reference === reference)!.events.at(-1);
      expect(parked).toEqual({
        type: 'PARKED',
        citizenHeadline: shownBeforeSave,
        message: 'Skicka ett intyg från din arbetsgivare.',
      });
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'chain-9a-officer-waiting-for-citizen');
      await page.getByLabel('Vad kom in?').fill('Intyget kom med e-post');
      await page.getByRole('button', { name: 'Invånaren har svarat' }).click();
      await page.getByTestId('case-feedback').getByText('Tiden går igen.', { exact: false }).waitFor();
      await expect(page.getByTestId('case-due').textContent()).resolves.toMatch(/^senast /);
    });

    it('8b. a colleague saves first: her reply gets the conflict, the case reloads, and she saves it again', async () => {
      // Her manager adds a note meanwhile, from another screen.
      const manager = await hub.token('manager', 'manager-eva', 'Eva Chef');
      const noted = await hub.graphql(
        `mutation { addCaseNote(caseId: "${caseId}", text: "Jag har pratat med förskolan.") { version } }`,
        {},
        { token: manager },
      );
      expect(noted.errors).toBeUndefined();
      await page.getByLabel('Svar till invånaren').fill('Ringde upp, önskemålet är ändrat till Solrosen.');
      await page.getByRole('button', { name: 'Spara svar' }).click();
      await page
        .getByTestId('case-feedback')
        .getByText('Någon annan har ändrat ärendet', { exact: false })
        .waitFor();
      await page.getByTestId('timeline').getByText('Jag har pratat med förskolan.').waitFor();
      await expect(page.getByLabel('Svar till invånaren').inputValue()).resolves.toContain('Solrosen');
      await screenshot(page, 'chain-9b-officer-conflict');
      await page.getByRole('button', { name: 'Spara svar' }).click();
      await page.getByTestId('timeline').getByText('Svar till invånaren').waitFor();
    });

    it('8c. she documents the call and closes the case', async () => {
      await page.getByLabel('Avslutande svar').fill('Önskad förskola ändrad.');
      await page.getByRole('button', { name: 'Avsluta ärendet' }).click();
      await page.getByTestId('case-status').getByText('Avslutat').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'chain-9-officer-closed');
    });

    it('8d. the case shows how Anna was told of the answer, the wait and the closing', async () => {
      const messages = page.getByTestId('citizen-messages');
      // The notice goes out from the queue: reload until it has (bounded).
      for (let tries = 0; ; tries++) {
        await page.reload();
        await page.getByTestId('case-status').waitFor();
        const text = (await messages.count()) ? await messages.innerText() : '';
        if (/Svar finns – mejl, skickat/.test(text) && /Avslutat – mejl, skickat/.test(text)) break;
        if (tries === 20) throw new Error(`notices not sent: "${text}"`);
        await page.waitForTimeout(250);
      }
      expect(await axeViolations(page)).toEqual([]);
    });

    it('9. the service goals say "inga kontakter" for an empty month and count in Swedish forms; a coordination number is named as such', async () => {
      await page.keyboard.press('Alt+Digit3');
      const stats = page.getByTestId('stats-view');
      await stats.waitFor();
      const earlier = await stats.locator('table.sr-table tbody tr').nth(3).locator('td').allTextContents();
      expect(earlier).toEqual(['0', 'inga kontakter', 'inga kontakter']);
      await expect(stats.locator('ol li').first().textContent()).resolves.toMatch(
        /^Barnomsorgsplats: 2 kontakter /,
      );
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'chain-10-service-goals');

      await page.locator('body').press('/');
      await page.keyboard.type('19140168-2396');
      await page.getByText('Giltigt samordningsnummer').waitFor();
    });
  },
);
