import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { DEMO_CASE_SETUP, postCallEvent, startHub, type TestHub } from '@frontdoor/testing';
import { CHROMIUM, axeViolations, launchBrowser, screenshot } from './browser';

/**
 * The published results (issue 15): a public page and JSON with no sign-in, the service goals
 * of last month and this year, and nothing about anyone, though the contact log behind it
 * holds callers' numbers and personal numbers.
 */
const PN = '199001012385';
const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);
jest.setTimeout(60_000);

describe('GET /service-results and /service-results.json', () => {
  let hub: TestHub;
  let browser: Browser | undefined;

  beforeAll(async () => {
    hub = await startHub({
      plugins: {},
      cases: DEMO_CASE_SETUP,
      auth: { serviceAccounts: { 'telephony-platform': { operations: ['telephonyEvents'] } } },
    });
    const platform = await hub.token('service', 'telephony-platform');
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 9));
    for (const [i, offered] of [lastMonth, lastMonth, new Date(now.getTime() - 3_600_000)].entries()) {
      const base = {
        callId: `pub-${i}`,
        queue: 'vaxel',
        from: '070-123 45 67',
        to: '0920-45 30 00',
        ivrPersonalNumber: '19900101-2385',
      };
      await postCallEvent(hub.url, platform, { ...base, event: 'OFFERED', at: offered.toISOString() });
      await postCallEvent(hub.url, platform, {
        ...base,
        event: 'ANSWERED',
        at: new Date(offered.getTime() + (i === 0 ? 10_000 : 40_000)).toISOString(),
        agentId: 'agent-anna',
      });
    }
    await hub.graphql(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", personalNumber: "${PN}", summary: "Anna Andersson undrar", resolvedAtFirstLine: true, resolution: "Svar", contact: { phone: "0701234567" } }) { id } }`,
      {},
      { token: await hub.token('agent', 'agent-anna', 'Anna Andersson') },
    );
    // A question by e-mail answered at once: servicemål 4 for e-mail (decision 0080).
    await hub.graphql(
      `mutation { registerContact(input: { channel: EMAIL, categoryKey: "barnomsorgsplats", summary: "Fråga per e-post", resolvedAtFirstLine: true, resolution: "Svar", contact: { email: "anna@example.org" } }) { id } }`,
      {},
      { token: await hub.token('agent', 'agent-anna', 'Anna Andersson') },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  const personal = [
    PN,
    'anna@example.org',
    '19900101-2385',
    '900101',
    '+46701234567',
    '070-123',
    '0701234567',
    'Anna',
    'agent-anna',
  ];

  it('answers without a token, in Swedish, with every goal and no personal data', async () => {
    const response = await fetch(`${hub.url}/service-results`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Förra månaden');
    expect(html).toContain('I år hittills');
    expect(html).toContain('Växeln: besvarade inom 15&nbsp;s');
    expect(html).toContain('Ärenden lösta direkt i kontaktcenter');
    expect(html).toContain('Frågor via e-post besvarade inom 2 arbetsdagar');
    expect(html).toContain('Frågor via e-tjänst besvarade inom 1 arbetsdag (KKiK)');
    for (const value of personal) expect(html).not.toContain(value);
  });

  it('gives the same figures as JSON: last month 1 of 2 switchboard calls within 15 s', async () => {
    const response = await fetch(`${hub.url}/service-results.json`);
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const value of personal) expect(text).not.toContain(value);
    const body = JSON.parse(text) as {
      periods: {
        label: string;
        calls: { queueKey: string; offered: number; answeredWithin: { share: number } }[];
        cases: { written: { channel: string; answeredInTime: { share: number; basis: number } }[] };
      }[];
    };
    const [lastMonth, year] = body.periods;
    expect(lastMonth.label).toBe('Förra månaden');
    expect(lastMonth.calls.find((q) => q.queueKey === 'vaxel')).toMatchObject({
      offered: 2,
      answeredWithin: { share: 0.5 },
    });
    // This year includes last month unless today is in January.
    expect(year.calls.find((q) => q.queueKey === 'vaxel')!.offered).toBeGreaterThanOrEqual(1);
    // Today's e-mail question, answered at once, is decided and in time.
    expect(year.cases.written.find((w) => w.channel === 'EMAIL')!.answeredInTime).toEqual(
      expect.objectContaining({ share: 1, basis: 1 }),
    );
  });

  (browserAvailable ? it : it.skip)('has no axe violations (WCAG 2.1 A and AA)', async () => {
    browser = await launchBrowser();
    const page = await browser.newPage({ locale: 'sv-SE' });
    await page.goto(`${hub.url}/service-results`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'service-results');
  });
});
