import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CallbackAttempt, CallbackCase, CallbackRequest } from '@frontdoor/core';
import {
  DEMO_CASE_SETUP,
  TestClock,
  allPluginsWithRegister,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';
import { CHROMIUM, axeViolations, explainTimeout, launchBrowser, screenshot, signIn } from './browser';
import { ensureConsoleBuilt } from './console-build';

/**
 * Callbacks in the agent's browser (issue 25, decision 0082): the platform asks for two
 * callbacks, the agent takes the first in Återuppringning, sees the number, asks to ring again
 * at eleven, then takes the next and records that the caller was reached.
 */
const PLATFORM = 'telephony-platform';
const ANNA_PN = '199001012385';
const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);
jest.setTimeout(90_000);

(browserAvailable ? describe : describe.skip)('callbacks in the agent console', () => {
  // Tuesday 24 November 2026, 10:00 in Stockholm: the queue is open whatever the real time.
  const clock = new TestClock(Date.parse('2026-11-24T09:00:00Z'));
  let hub: TestHub;
  let sandbox: SandboxHandle;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const ask = async (requestId: string, number: string) => {
    const response = await fetch(`${hub.url}/telephony/callbacks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await hub.token('service', PLATFORM)}`,
      },
      body: JSON.stringify({ requestId, number, queue: 'kundtjanst', callAt: null }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { callbackId: string }).callbackId;
  };

  beforeAll(async () => {
    ensureConsoleBuilt();
    sandbox = await startSandbox();
    hub = await startHub({
      clock,
      sandbox,
      plugins: allPluginsWithRegister(sandbox),
      cases: DEMO_CASE_SETUP,
      auth: { serviceAccounts: { [PLATFORM]: { operations: ['telephonyEvents'] } } },
    });
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
    });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
  }, 90_000);
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
    await sandbox?.close();
  });

  it('takes the next callback, shows the number, records a retry and then a reached caller', async () => {
    const first = await ask('ui-cb-1', '070-123 45 67');
    clock.advance(1000);
    const second = await ask('ui-cb-2', '08-123 456 78');
    await signIn(page, `${hub.url}/console/`, 'agent-anna');
    await page.getByRole('link', { name: 'Återuppringning' }).click();
    const view = page.getByTestId('callbacks-view');
    await explainTimeout(page, 'callbacks-view', () => view.waitFor());
    await expect(view.getByTestId('callbacks-waiting').textContent()).resolves.toContain('2 väntar');
    expect(await axeViolations(page)).toEqual([]);

    await view.getByRole('button', { name: 'Ta nästa återuppringning' }).click();
    const held = view.getByTestId('held-callback');
    await explainTimeout(page, 'held-callback', () => held.waitFor());
    await expect(held.getByTestId('callback-number').textContent()).resolves.toBe('+46701234567');
    await expect(held.getByTestId('callback-number').getAttribute('href')).resolves.toBe('tel:+46701234567');
    await expect(held.textContent()).resolves.toContain('Så snart som möjligt');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'callbacks-1-held');

    await held.getByLabel('Ring igen vid en viss tid').check();
    await held.getByRole('button', { name: 'Spara utfallet' }).click();
    await expect(view.getByTestId('callback-feedback').textContent()).resolves.toContain(
      'Ange när du ska ringa igen',
    );
    await held.getByTestId('callback-retry-at').fill('2026-11-24T11:00');
    await held.getByRole('button', { name: 'Spara utfallet' }).click();
    await explainTimeout(page, 'retry-saved', () =>
      view.getByText('Sparat: återuppringningen ligger i kön igen.').waitFor(),
    );
    const retried = await hub.dataSource.getRepository(CallbackRequest).findOneByOrFail({ id: first });
    expect(retried).toMatchObject({ status: 'WAITING', attempts: 1 });
    expect(retried.dueAt.toISOString()).toBe('2026-11-24T10:00:00.000Z');

    await view.getByRole('button', { name: 'Ta nästa återuppringning' }).click();
    await explainTimeout(page, 'second-held', () =>
      held.getByTestId('callback-number').filter({ hasText: '+46812345678' }).waitFor(),
    );
    // While ringing, the agent looks the caller up and registers the contact: linked to the callback.
    await page.goto(`${hub.url}/console/#/person/${ANNA_PN}`);
    const form = page.locator('aside.contact');
    await explainTimeout(page, 'contact-form', () => form.getByTestId('contact-callback').waitFor());
    await expect(form.getByTestId('contact-callback').textContent()).resolves.toBe(
      'Registreras på återuppringningen till +46812345678.',
    );
    await form.getByLabel('Kategori').selectOption('barnomsorgsplats');
    await form.getByLabel('Vad gäller kontakten?').fill('Ringde upp om kön');
    await form.getByLabel('Svar som gavs').fill('Plats 14 i kön');
    await form.getByRole('button', { name: 'Löst direkt' }).click();
    await explainTimeout(page, 'contact-registered', () =>
      form.getByTestId('contact-outcome').locator('.ok').waitFor(),
    );
    expect(await hub.dataSource.getRepository(CallbackCase).countBy({ callbackId: second })).toBe(1);
    await page.getByRole('link', { name: 'Återuppringning' }).click();
    await explainTimeout(page, 'held-again', () =>
      held.getByTestId('callback-number').filter({ hasText: '+46812345678' }).waitFor(),
    );
    await held.getByRole('button', { name: 'Spara utfallet' }).click();
    await explainTimeout(page, 'reached-saved', () => view.getByText('Sparat: personen nåddes.').waitFor());
    expect(await hub.dataSource.getRepository(CallbackRequest).findOneByOrFail({ id: second })).toMatchObject(
      {
        status: 'REACHED',
      },
    );
    expect(await hub.dataSource.getRepository(CallbackAttempt).countBy({ agentId: 'agent-anna' })).toBe(2);
    // The retry is not due yet: nothing to take.
    await view.getByRole('button', { name: 'Ta nästa återuppringning' }).click();
    await explainTimeout(page, 'none-due', () =>
      view.getByText('Ingen återuppringning väntar just nu.').waitFor(),
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'callbacks-2-done');
  });
});
