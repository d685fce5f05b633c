import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CLOSED_TO_GUARDIANS_REASON } from '@frontdoor/plugin-child-youth';
import {
  DEMO_CASE_SETUP,
  sandboxBankIdConnection,
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';
import { CHROMIUM, axeViolations, explainTimeout, launchBrowser, screenshot, signIn } from './browser';
import { ensureConsoleBuilt } from './console-build';

const ANNA = '199001012385';
const ELSA = '201708142425';
const TILDE = '202402292383';
const DEPARTMENT = 'Barn och unga';
const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);
jest.setTimeout(120_000);

/**
 * Decision 0091 in the console: the agent identified Anna with BankID; her daughter Elsa's
 * Barn och unga matters show, while Tilde's, marked sekretess mot vårdnadshavare, are withheld
 * and the person view says so with the hub's reason (to refer the caller), never an empty list
 * that reads as "no matters". Axe clean.
 */
(browserAvailable ? describe : describe.skip)(
  'agent console: a child’s matters closed to the guardian',
  () => {
    let sandbox: SandboxHandle;
    let hub: TestHub;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ensureConsoleBuilt();
      sandbox = await startSandbox();
      hub = await startHub({
        sandbox,
        plugins: {
          'child-youth': { connection: sandboxConnection(sandbox, 'child-youth') },
          // The person view asks for the childcare queue too.
          'childcare-queue': { connection: sandboxConnection(sandbox, 'childcare') },
          'population-register': { connection: sandboxConnection(sandbox, 'register') },
        },
        cases: DEMO_CASE_SETUP,
        bankId: sandboxBankIdConnection(sandbox),
      });
      // Four eyes (decision 0074): one admin grants agents level 2 in Barn och unga, another approves.
      const target = `{ targetKind: ROLE, targetKey: "agent", department: "${DEPARTMENT}" }`;
      for (const [admin, verb] of [
        ['admin-adam', 'grantMandate'],
        ['admin-bea', 'approveMandateGrant'],
      ] as const) {
        const response = await hub.graphql(
          `mutation { ${verb}(target: ${target}, level: 2) { effective } }`,
          {},
          { token: await hub.token('admin', admin) },
        );
        expect(response.errors).toBeUndefined();
      }
      // Anna on the line, identified with BankID by the agent (no call needed for a while: 0076).
      const agent = await hub.token('agent', 'agent-anna');
      const started = await hub.graphql<{ s: { id: string } }>(
        `mutation { s: startCallerIdentification(personalNumber: "${ANNA}") { id } }`,
        {},
        { token: agent },
      );
      expect(started.errors).toBeUndefined();
      const order = (await sandbox.bankId.orders()).filter((o) => o.personalNumber === ANNA).at(-1)!;
      await sandbox.bankId.caller(order.orderRef, 'approve');
      const collected = await hub.graphql<{ c: { state: string } }>(
        `mutation { c: collectCallerIdentification(id: "${started.data!.s.id}") { state } }`,
        {},
        { token: agent },
      );
      expect(collected.data?.c.state).toBe('COMPLETE');
      browser = await launchBrowser();
      context = await browser.newContext({
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
        viewport: { width: 1280, height: 900 },
      });
      context.setDefaultTimeout(30_000);
      page = await context.newPage();
      await signIn(page, `${hub.url}/console/`, 'agent-anna');
    }, 120_000);
    afterAll(async () => {
      await context?.close().catch(() => undefined);
      await browser?.close();
      await hub?.close();
      await sandbox?.close();
    });

    it('shows Elsa’s matters, and for Tilde the reason they are withheld from her guardian', async () => {
      await page.goto(`${hub.url}/console/#/person/${ELSA}`);
      const view = page.getByTestId('person-view');
      await explainTimeout(page, 'elsa-matters', () =>
        view.locator('tr[data-source="child-youth"]').first().waitFor(),
      );
      await expect(view.getByTestId('source-notice-child-youth').count()).resolves.toBe(0);

      await page.goto(`${hub.url}/console/#/person/${TILDE}`);
      const notice = page.getByTestId('source-notice-child-youth');
      await explainTimeout(page, 'tilde-notice', () => notice.waitFor());
      await expect(notice.textContent()).resolves.toBe(`${DEPARTMENT}: ${CLOSED_TO_GUARDIANS_REASON}`);
      await expect(page.locator('tr[data-source="child-youth"]').count()).resolves.toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'closed-to-guardians');
    });
  },
);
