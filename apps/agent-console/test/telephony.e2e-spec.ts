import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AuditRecord, CallCase, Party, ServiceCase } from '@frontdoor/core';
import {
  DEMO_CASE_SETUP,
  allPluginsWithRegister,
  postCallEvent,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
  untilCallSubscribers,
} from '@frontdoor/testing';
import { CHROMIUM, axeViolations, explainTimeout, launchBrowser, screenshot, signIn } from './browser';
import { ensureConsoleBuilt } from './console-build';

/**
 * The telephone in the agent's browser (issue 15): the platform reports a call answered by
 * Anna, her console shows the caller at once, one key opens the person the caller keyed in
 * the IVR (audited with the call id as purpose), and the contact registered from there is
 * linked to the call. Then the same through a screen-pop URL.
 */
const ANNA_PN = '199001012385';
const PLATFORM = 'telephony-platform';
const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);
jest.setTimeout(90_000);

(browserAvailable ? describe : describe.skip)(
  'a call in the agent console, from ringing to a registered contact',
  () => {
    let sandbox: SandboxHandle;
    let hub: TestHub;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let platform: string;
    const base = { queue: 'kundtjanst', from: '070-123 45 67', to: '0920-45 30 00' };

    async function auditPurposes(pn: string): Promise<(string | null)[]> {
      const party = await hub.dataSource.getRepository(Party).findOneBy({ personalNumber: pn });
      if (!party) return [];
      return (await hub.dataSource.getRepository(AuditRecord).findBy({ partyId: party.id })).map(
        (r) => r.purpose,
      );
    }

    beforeAll(async () => {
      ensureConsoleBuilt();
      sandbox = await startSandbox();
      hub = await startHub({
        sandbox,
        plugins: allPluginsWithRegister(sandbox),
        cases: DEMO_CASE_SETUP,
        auth: { serviceAccounts: { [PLATFORM]: { operations: ['telephonyEvents'] } } },
      });
      platform = await hub.token('service', PLATFORM);
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

    it('shows the answered call on the agent’s screen, opens the caller with one key and links the contact to the call', async () => {
      await signIn(page, `${hub.url}/console/`, 'agent-anna');
      // The console subscribes as soon as it is signed in; wait (bounded) for the hub to hold it.
      await explainTimeout(page, 'call-subscription', () =>
        untilCallSubscribers(hub, 'agent-anna', { ms: 15_000 }),
      );
      // The caller waited 2 min 10 s in the queue before Anna answered.
      const answeredAt = Date.now() - 1000;
      const offered = {
        ...base,
        callId: 'ui-1',
        event: 'OFFERED',
        at: new Date(answeredAt - 130_000).toISOString(),
        ivrPersonalNumber: '19900101-2385',
      };
      expect((await postCallEvent(hub.url, platform, offered)).status).toBe(200);
      // Asked ahead while the caller waits, but nothing is shown or audited yet.
      expect(await auditPurposes(ANNA_PN)).toEqual([]);
      const answered = {
        ...base,
        callId: 'ui-1',
        event: 'ANSWERED',
        at: new Date(answeredAt).toISOString(),
        agentId: 'agent-anna',
      };
      expect((await postCallEvent(hub.url, platform, answered)).status).toBe(200);

      const banner = page.getByTestId('call-banner');
      await banner.waitFor();
      await expect(page.getByTestId('call-from').textContent()).resolves.toBe('070-123 45 67');
      await expect(banner.getByTestId('call-waited').textContent()).resolves.toBe(' (väntade 2 min 10 s)');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'call-1-banner');

      await page.keyboard.press('Alt+KeyP');
      const view = page.getByTestId('person-view');
      await view.waitFor();
      await view.locator('table.statuses tbody tr').first().waitFor();
      const purposes = await auditPurposes(ANNA_PN);
      expect(purposes.length).toBeGreaterThan(0);
      expect(new Set(purposes)).toEqual(new Set(['ui-1']));

      const form = page.locator('aside.contact');
      await expect(form.getByTestId('contact-call').textContent()).resolves.toContain('ui-1');
      await expect(form.getByLabel('Telefonnummer').inputValue()).resolves.toBe('070-123 45 67');
      await form.getByLabel('Kategori').selectOption('barnomsorgsplats');
      await form.getByLabel('Vad gäller kontakten?').fill('Frågade om kön');
      await form.getByLabel('Svar som gavs').fill('Plats 14 i kön');
      await form.getByRole('button', { name: 'Löst direkt' }).click();
      await form.getByTestId('contact-outcome').locator('.ok').waitFor();
      await screenshot(page, 'call-2-registered');
      const links = await hub.dataSource.getRepository(CallCase).findBy({ callId: 'ui-1' });
      expect(links).toHaveLength(1);
      const { data } = await hub.graphql<{ case: { callId: string; contact: { phoneText: string } | null } }>(
        `{ case(id: "${links[0].caseId}") { callId contact { phoneText } } }`,
        {},
        { token: await hub.token('agent', 'agent-anna') },
      );
      expect(data!.case).toEqual({ callId: 'ui-1', contact: { phoneText: '070-123 45 67' } });
    });

    it('shows the call again after a reload, and once the platform reports it ENDED says so and links no more contacts to it', async () => {
      const pn = ANNA_PN;
      // The first test's call is over.
      await postCallEvent(hub.url, platform, {
        ...base,
        callId: 'ui-1',
        event: 'ENDED',
        at: new Date().toISOString(),
      });
      const answeredAt = Date.now() - 1000;
      for (const [event, at] of [
        ['OFFERED', answeredAt - 45_000],
        ['ANSWERED', answeredAt],
      ] as const)
        expect(
          (
            await postCallEvent(hub.url, platform, {
              ...base,
              callId: 'ui-4',
              event,
              at: new Date(at).toISOString(),
              ivrPersonalNumber: pn,
              ...(event === 'ANSWERED' ? { agentId: 'agent-anna' } : {}),
            })
          ).status,
        ).toBe(200);
      const banner = page.getByTestId('call-banner');
      await banner.getByText('väntade 45 s').waitFor();
      // A reload loses the pushed notice: the console asks the hub for the call Anna is on.
      await page.reload();
      await explainTimeout(page, 'call-after-reload', () => banner.getByText('väntade 45 s').waitFor());
      await expect(banner.getAttribute('data-state')).resolves.toBe('ongoing');
      await banner.getByTestId('open-caller').click();
      const form = page.locator('aside.contact');
      await expect(form.getByTestId('contact-call').textContent()).resolves.toContain('ui-4');

      await explainTimeout(page, 'call-subscription-after-reload', () =>
        untilCallSubscribers(hub, 'agent-anna', { ms: 15_000 }),
      );
      expect(
        (
          await postCallEvent(hub.url, platform, {
            ...base,
            callId: 'ui-4',
            event: 'ENDED',
            at: new Date().toISOString(),
          })
        ).status,
      ).toBe(200);
      const state = banner.getByTestId('call-state');
      await explainTimeout(page, 'call-ended', () => state.getByText('Samtalet avslutades').waitFor());
      await expect(banner.getAttribute('data-state')).resolves.toBe('ended');
      await expect(state.getAttribute('role')).resolves.toBe('status');
      await expect(state.textContent()).resolves.toMatch(
        /^Samtalet avslutades kl\. \d\d:\d\d\. Nya kontakter kopplas inte till det\.$/,
      );
      await expect(banner.getByRole('heading').textContent()).resolves.toBe(
        'Avslutat samtal från kön Kundtjänst',
      );
      await expect(form.getByTestId('contact-call').count()).resolves.toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'call-4-ended');
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'call-4-ended-phone');
      await page.setViewportSize({ width: 1280, height: 900 });

      // A contact registered now is the caller's next one, not the ended call's.
      await form.getByLabel('Kategori').selectOption('barnomsorgsplats');
      await form.getByLabel('Vad gäller kontakten?').fill('Ringde tillbaka efter samtalet');
      await form.getByLabel('Svar som gavs').fill('Skickade länken');
      await form.getByRole('button', { name: 'Löst direkt' }).click();
      const reference = (await form.getByTestId('receipt-reference').textContent()) ?? '';
      expect(reference).toMatch(/^FD-/);
      const registered = await hub.dataSource.getRepository(ServiceCase).findOneByOrFail({ reference });
      expect(await hub.dataSource.getRepository(CallCase).findBy({ caseId: registered.id })).toEqual([]);

      // Still ended after another reload: the hub has no current call for Anna, nothing is shown.
      const asked = page.waitForResponse(
        (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('MyCurrentCall'),
      );
      await page.reload();
      await expect((await asked).json()).resolves.toEqual({ data: { myCurrentCall: null } });
      await page.getByTestId('person-view').waitFor();
      await expect(page.getByTestId('call-banner').count()).resolves.toBe(0);
    });

    it('opens the caller from a screen-pop URL (/console/call?callId=…&cid=…)', async () => {
      const pn = '196408233234';
      for (const event of ['OFFERED', 'ANSWERED'] as const)
        await postCallEvent(hub.url, platform, {
          ...base,
          callId: 'ui-2',
          event,
          at: new Date().toISOString(),
          ivrPersonalNumber: pn,
          ...(event === 'ANSWERED' ? { agentId: 'agent-anna' } : {}),
        });
      await page.goto(`${hub.url}/console/call?callId=ui-2&cid=0701234567`);
      const view = page.getByTestId('person-view');
      await explainTimeout(page, 'screen-pop', () => view.waitFor());
      expect(new URL(page.url()).pathname).toBe('/console/');
      expect(decodeURIComponent(new URL(page.url()).hash)).toContain(pn);
      expect(new Set(await auditPurposes(pn))).toEqual(new Set(['ui-2']));
    });

    it('shows the manager the contact center now, updating by itself as calls arrive', async () => {
      const managerContext = await browser.newContext({
        viewport: { width: 1400, height: 1000 },
        locale: 'sv-SE',
      });
      managerContext.setDefaultTimeout(30_000);
      const wall = await managerContext.newPage();
      try {
        await signIn(wall, `${hub.url}/console/`, 'manager-eva');
        await wall.keyboard.press('Alt+Digit4');
        const waiting = wall.getByTestId('now-waiting');
        await waiting.waitFor();
        const before = Number(await waiting.textContent());
        await postCallEvent(hub.url, platform, {
          ...base,
          callId: 'ui-3',
          event: 'OFFERED',
          at: new Date().toISOString(),
        });
        await explainTimeout(wall, 'now-updated', () =>
          wall.waitForFunction(
            `document.querySelector('[data-testid="now-waiting"]')?.textContent === '${before + 1}'`,
          ),
        );
        expect(await axeViolations(wall)).toEqual([]);
        await screenshot(wall, 'call-3-manager-now');
      } finally {
        await managerContext.close();
      }
    });
  },
);
