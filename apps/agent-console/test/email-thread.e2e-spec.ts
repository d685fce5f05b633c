import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createTransport } from 'nodemailer';
import { EmailMessage } from '@frontdoor/core';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import {
  DEMO_CASE_SETUP,
  freePort,
  startDevIssuer,
  startHub,
  type DevIssuerHandle,
  type TestHub,
} from '@frontdoor/testing';
import { CHROMIUM, axeViolations, explainTimeout, launchBrowser, screenshot, signIn } from './browser';
import { ensureConsoleBuilt } from './console-build';
import { startLoopbackProxy, type LoopbackProxy } from './loopback-proxy';

/**
 * E-mail in the console (decision 0080): a mail to the contact address shows on its case as a
 * thread (with a refused executable saying why), and the agent answers it by e-mail from the
 * case; the answer leaves from the contact address and joins the thread.
 */
const CONTACT = 'kundtjanst@exempelstad.se';
const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);
jest.setTimeout(90_000);

(browserAvailable ? describe : describe.skip)('the case’s e-mail in the console', () => {
  let hub: TestHub;
  let issuer: DevIssuerHandle;
  let proxy: LoopbackProxy;
  let relay: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let browser: Browser;
  let page: Page;
  let consoleUrl: string;
  let smtpPort: number;

  beforeAll(async () => {
    ensureConsoleBuilt();
    proxy = await startLoopbackProxy();
    consoleUrl = `${proxy.url}/console/`;
    issuer = await startDevIssuer({ env: { CONSOLE_REDIRECT_URIS: consoleUrl } });
    relay = await startTestSmtpServer();
    smtpPort = await freePort();
    hub = await startHub({
      plugins: {},
      cases: DEMO_CASE_SETUP,
      env: {
        AUTH_OIDC_ISSUER: issuer.url,
        SMTP_URL: relay.url,
        EMAIL_INBOUND: 'smtp',
        EMAIL_INBOUND_ADDRESSES: CONTACT,
        EMAIL_INBOUND_CATEGORY: 'parkering',
        EMAIL_INBOUND_SMTP_PORT: String(smtpPort),
      },
    });
    proxy.forwardTo(hub.url);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await hub?.close();
    await issuer?.close();
    await relay?.close();
  });

  it('shows the thread and sends the agent’s answer by e-mail', async () => {
    const citizen = createTransport({ host: '127.0.0.1', port: smtpPort, ignoreTLS: true });
    await citizen.sendMail({
      from: 'anna@example.org',
      to: CONTACT,
      subject: 'Felparkerad bil',
      text: 'En bil står på min plats sedan i morse.',
      messageId: '<console-1@example.org>',
      attachments: [{ filename: 'bild.pdf', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]) }],
    });
    citizen.close();
    const stored = await hub.dataSource
      .getRepository(EmailMessage)
      .findOneByOrFail({ messageId: '<console-1@example.org>' });

    await signIn(page, consoleUrl, 'agent-anna');
    await page.goto(`${consoleUrl}#/arende/${stored.caseId}`);
    const thread = page.getByTestId('email-thread');
    await explainTimeout(page, 'email-thread', () => thread.waitFor());
    await expect(thread.textContent()).resolves.toContain('Felparkerad bil');
    await expect(thread.textContent()).resolves.toContain(
      'bild.pdf (application/x-msdownload, 66 B) – stoppad: körbar fil',
    );

    await page
      .getByLabel('Svar som skickas med e-post från kommunens adress (syns för invånaren)')
      .fill('Vi skickar en parkeringsvakt.');
    await page.getByRole('button', { name: 'Skicka e-post' }).click();
    await page.getByTestId('case-feedback').getByText('Svaret skickas med e-post.').waitFor();
    await thread.getByText('Svar med e-post').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'email-thread');

    const until = Date.now() + 10_000;
    const answered = () =>
      relay.received.find((m) => m.to.includes('anna@example.org') && m.raw.includes('parkeringsvakt'));
    while (!answered() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered()?.from).toBe(CONTACT);
  });
});
