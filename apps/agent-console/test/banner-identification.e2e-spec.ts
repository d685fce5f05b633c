import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { childcareQueuePlugin } from '@frontdoor/plugin-childcare-queue';
import { populationRegisterPlugin } from '@frontdoor/plugin-population-register';
import {
  DEMO_CASE_SETUP,
  INCOME_SUPPORT_FIXTURE,
  incomeSupportFixturePlugin,
  incomeSupportFixtureSettings,
  openIncomeSupportFixtureToAgents,
  postCallEvent,
  sandboxBankIdConnection,
  sandboxConnection,
  startHub,
  startSandbox,
  untilCallSubscribers,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';
import { CHROMIUM, axeViolations, explainTimeout, launchBrowser, screenshot, signIn } from './browser';
import { ensureConsoleBuilt } from './console-build';

const ANNA = '199001012385';
const PLATFORM = 'telephony-platform';
const SECRET_ROW = `tr[data-source="${INCOME_SUPPORT_FIXTURE.id}"]`;
const PLUGINS: Record<string, unknown> = {
  [`@frontdoor/plugin-${INCOME_SUPPORT_FIXTURE.id}`]: incomeSupportFixturePlugin,
  '@frontdoor/plugin-childcare-queue': childcareQueuePlugin,
  '@frontdoor/plugin-population-register': populationRegisterPlugin,
};
const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);
jest.setTimeout(120_000);

/**
 * "Identifiera med BankID" on the call banner (issue 24): the call is answered with the number
 * the caller keyed in the IVR; the agent opens the person, identifies the caller from the banner
 * (the hint in Swedish while polling, a cancel, then "Identifierad med BankID HH:MM" on the
 * banner) and the income-support matter appears in the person view without a reload. The one
 * identification state: the person view does not repeat the panel. On a phone (390 px) and in a
 * 900 px-high window the banner's button is in view. Axe clean throughout.
 */
(browserAvailable ? describe : describe.skip)(
  'agent console: the caller identified from the call banner',
  () => {
    let sandbox: SandboxHandle;
    let hub: TestHub;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let platform: string;
    let calls = 0;

    beforeAll(async () => {
      ensureConsoleBuilt();
      sandbox = await startSandbox();
      hub = await startHub({
        sandbox,
        plugins: {
          'childcare-queue': { connection: sandboxConnection(sandbox, 'childcare') },
          'population-register': { connection: sandboxConnection(sandbox, 'register') },
          [INCOME_SUPPORT_FIXTURE.id]: incomeSupportFixtureSettings(sandbox),
        },
        loadModule: (specifier) => ({ plugin: PLUGINS[specifier] }),
        cases: DEMO_CASE_SETUP,
        auth: { serviceAccounts: { [PLATFORM]: { operations: ['telephonyEvents'] } } },
        bankId: sandboxBankIdConnection(sandbox),
      });
      await openIncomeSupportFixtureToAgents(hub);
      platform = await hub.token('service', PLATFORM);
      browser = await launchBrowser();
      context = await browser.newContext({
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
        viewport: { width: 1280, height: 900 },
      });
      context.setDefaultTimeout(30_000);
      page = await context.newPage();
      await signIn(page, `${hub.url}/console/`, 'agent-anna');
      await explainTimeout(page, 'call-subscription', () =>
        untilCallSubscribers(hub, 'agent-anna', { ms: 15_000 }),
      );
    }, 120_000);
    afterAll(async () => {
      await context?.close().catch(() => undefined);
      await browser?.close();
      await hub?.close();
      await sandbox?.close();
    });

    const answerCall = async (ivrPersonalNumber: string) => {
      const callId = `banner-${++calls}`;
      const common = { callId, queue: 'kundtjanst', from: '070-123 45 67', to: '0920-45 30 00' };
      const at = Date.now() - 1000;
      const offered = {
        ...common,
        event: 'OFFERED',
        at: new Date(at - 30_000).toISOString(),
        ivrPersonalNumber,
      };
      expect((await postCallEvent(hub.url, platform, offered)).status).toBe(200);
      const answered = {
        ...common,
        event: 'ANSWERED',
        at: new Date(at).toISOString(),
        agentId: 'agent-anna',
      };
      expect((await postCallEvent(hub.url, platform, answered)).status).toBe(200);
    };
    const orderOf = async (pn: string) => {
      const found = async () =>
        (await sandbox.bankId.orders())
          .filter((o) => o.personalNumber === pn && o.status === 'pending')
          .at(-1);
      for (let tries = 0; tries < 100; tries++) {
        const order = await found();
        if (order) return order;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no pending BankID order for ${pn}`);
    };
    /** The element is inside the window as it is now: the agent need not scroll for it. */
    const inView = async (locator: Locator) => {
      const box = await locator.boundingBox();
      const viewport = page.viewportSize()!;
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    };

    it('identifies the caller from the banner, and the income-support matter opens in the person view', async () => {
      await answerCall(ANNA);
      const banner = page.getByTestId('call-banner');
      const panel = banner.getByTestId('banner-identification');
      await explainTimeout(page, 'banner', () => panel.waitFor());
      const start = panel.getByRole('button', { name: 'Identifiera med BankID' });
      await inView(start);
      expect(await axeViolations(page)).toEqual([]);

      // The person open (one key), the secret matter withheld, and no second identification panel.
      await page.keyboard.press('Alt+KeyP');
      const view = page.getByTestId('person-view');
      await explainTimeout(page, 'person', () => view.locator('table.statuses tbody tr').first().waitFor());
      await expect(view.locator(SECRET_ROW).count()).resolves.toBe(0);
      await expect(page.getByTestId('caller-identification').count()).resolves.toBe(0);
      await inView(start);

      // Started and cancelled on the agent's word: BankID's order is cancelled, it says so.
      await start.click();
      await orderOf(ANNA);
      await explainTimeout(page, 'banner-started', () =>
        panel.getByTestId('identification-status').filter({ hasText: 'öppna BankID-appen' }).waitFor(),
      );
      await panel.getByRole('button', { name: 'Avbryt identifiering' }).click();
      await explainTimeout(page, 'banner-cancelled', () =>
        panel.getByTestId('identification-failed').filter({ hasText: 'Identifieringen avbröts.' }).waitFor(),
      );
      expect(await axeViolations(page)).toEqual([]);

      // Again: the hint while the caller confirms in the app, then identified.
      await panel.getByRole('button', { name: 'Försök igen' }).click();
      const order = await orderOf(ANNA);
      await sandbox.bankId.caller(order.orderRef, 'hint', { hintCode: 'userCallConfirm' });
      await explainTimeout(page, 'banner-confirm', () =>
        panel
          .getByTestId('identification-status')
          .filter({ hasText: 'bekräfta i appen att hen talar med kommunen' })
          .waitFor(),
      );
      await inView(panel.getByRole('button', { name: 'Avbryt identifiering' }));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'banner-bankid-1-confirm-hint');

      await sandbox.bankId.caller(order.orderRef, 'approve');
      await explainTimeout(page, 'banner-secret-row', () => view.locator(SECRET_ROW).waitFor());
      await expect(panel.getByTestId('identification-done').textContent()).resolves.toMatch(
        /^Identifierad med BankID \d\d:\d\d: Anna Andersson$/,
      );
      await inView(panel.getByTestId('identification-done'));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'banner-bankid-2-identified');

      // On a phone: the identified state still in view at the top, the banner wrapping, axe clean.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.evaluate('window.scrollTo(0, 0)');
      await inView(panel.getByTestId('identification-done'));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'banner-bankid-3-phone');
    });
  },
);
