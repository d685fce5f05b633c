import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { childcareQueuePlugin } from '@frontdoor/plugin-childcare-queue';
import { populationRegisterPlugin } from '@frontdoor/plugin-population-register';
import {
  DEMO_CASE_SETUP,
  sandboxConnection,
  INCOME_SUPPORT_FIXTURE,
  incomeSupportFixturePlugin,
  incomeSupportFixtureSettings,
  openIncomeSupportFixtureToAgents,
  sandboxBankIdConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';
import { CHROMIUM, axeViolations, explainTimeout, launchBrowser, screenshot, signIn } from './browser';
import { ensureConsoleBuilt } from './console-build';

const ANNA = '199001012385';
const BERTIL = '196408233234';
const SECRET_ROW = `tr[data-source="${INCOME_SUPPORT_FIXTURE.id}"]`;

/** The plugins the person view reads (the register's name, the childcare queue), and the secrecy fixture. */
const PLUGINS: Record<string, unknown> = {
  [`@frontdoor/plugin-${INCOME_SUPPORT_FIXTURE.id}`]: incomeSupportFixturePlugin,
  '@frontdoor/plugin-childcare-queue': childcareQueuePlugin,
  '@frontdoor/plugin-population-register': populationRegisterPlugin,
};
const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);
jest.setTimeout(90_000);

/**
 * Decision 0076 in the agent console: "Identifiera med BankID" on the person view, against the
 * sandbox's BankID over mutual TLS; the hint in Swedish while the console polls every 2 s, then
 * the secrecy department's matter appears without a reload. Failures and cancel say so.
 */
(browserAvailable ? describe : describe.skip)('agent console: the caller identified with BankID', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let browser: Browser;
  let page: Page;

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
      bankId: sandboxBankIdConnection(sandbox),
    });
    await openIncomeSupportFixtureToAgents(hub);
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    page.setDefaultTimeout(30_000);
    await signIn(page, `${hub.url}/console/`, 'agent-anna');
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await sandbox?.close();
  });

  const openPerson = async (pn: string) => {
    // Keyboard only, as an agent: '/' focuses the lookup box wherever they are.
    await page.locator('body').press('/');
    await page.keyboard.type(pn);
    await page.keyboard.press('Enter');
    await explainTimeout(page, `person-${pn}`, () =>
      page
        .getByTestId('person-view')
        .filter({ hasText: pn.slice(-4) })
        .waitFor(),
    );
  };
  const collectsOf = async (orderRef: string) =>
    (await sandbox.bankId.orders()).find((o) => o.orderRef === orderRef)?.collects ?? 0;
  /** Waits (bounded) until the hub has collected the order this many times. */
  const waitForCollects = async (orderRef: string, count: number) => {
    for (let tries = 0; tries < 300; tries++) {
      if ((await collectsOf(orderRef)) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the console did not collect ${orderRef} ${count} times within 30 s`);
  };

  const orderOf = async (pn: string) => {
    // The console has started it when the sandbox holds a pending order for the person.
    const found = async () =>
      (await sandbox.bankId.orders()).filter((o) => o.personalNumber === pn && o.status === 'pending').at(-1);
    for (let tries = 0; tries < 100; tries++) {
      const order = await found();
      if (order) return order;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no pending BankID order for ${pn}`);
  };
  const status = () => page.getByTestId('identification-status');

  it('identifies the caller: the hint in Swedish while polling, then the secret matter appears without reload, axe clean', async () => {
    await openPerson(ANNA);
    const panel = page.getByTestId('caller-identification');
    await expect(panel.textContent()).resolves.toContain(
      'Ekonomiskt bistånd visas när den som ringer är identifierad',
    );
    await expect(page.locator(SECRET_ROW).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bankid-1-before');

    await page.getByRole('button', { name: 'Identifiera med BankID' }).click();
    const order = await orderOf(ANNA);
    await explainTimeout(page, 'bankid-started', () =>
      status().filter({ hasText: 'öppna BankID-appen' }).waitFor(),
    );
    await sandbox.bankId.caller(order.orderRef, 'hint', { hintCode: 'userCallConfirm' });
    await explainTimeout(page, 'bankid-confirm', () =>
      status().filter({ hasText: 'bekräfta i appen att hen talar med kommunen' }).waitFor(),
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bankid-2-confirm-hint');

    // The person takes a while in the app: BankID answers the same hint to several collects in a
    // row, and the console must keep polling through them (it once stopped after a repeat).
    const seen = await collectsOf(order.orderRef);
    await waitForCollects(order.orderRef, seen + 2);
    await sandbox.bankId.caller(order.orderRef, 'approve');
    await explainTimeout(page, 'bankid-done', () => page.locator(SECRET_ROW).waitFor());
    await expect(page.getByTestId('identification-done').textContent()).resolves.toMatch(
      /^Identifierad med BankID \d\d:\d\d: Anna Andersson$/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bankid-3-identified');
  });

  it('says in Swedish when the caller declines, and cancels on the agent’s word; nothing appears', async () => {
    await openPerson(BERTIL);
    await page.getByRole('button', { name: 'Identifiera med BankID' }).click();
    await sandbox.bankId.caller((await orderOf(BERTIL)).orderRef, 'decline');
    await explainTimeout(page, 'bankid-declined', () =>
      page.getByTestId('identification-failed').filter({ hasText: 'inte talar med kommunen' }).waitFor(),
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Försök igen' }).click();
    await orderOf(BERTIL);
    await page.getByRole('button', { name: 'Avbryt identifiering' }).click();
    await explainTimeout(page, 'bankid-cancelled', () =>
      page.getByTestId('identification-failed').filter({ hasText: 'Identifieringen avbröts.' }).waitFor(),
    );
    expect((await sandbox.bankId.orders()).filter((o) => o.personalNumber === BERTIL).at(-1)).toMatchObject({
      status: 'failed',
      hintCode: 'cancelled',
    });
    await expect(page.locator(SECRET_ROW).count()).resolves.toBe(0);
  });
});
