import { SurveyInvitation } from '@frontdoor/core';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import { DEMO_CASE_SETUP, TestClock, startHub, type TestHub } from '@frontdoor/testing';

const SURVEY_PAGE = 'https://www.exempelstad.se/enkat/';

/**
 * Issue 25, item 4: after a contact resolved at the first line or a closed case the citizen
 * gets one question, answered once through a link without signing in, and the answers make
 * SKR's 0-100 index in statistics and on the public results page.
 */
describe('the citizen’s verdict: one question after a contact', () => {
  let hub: TestHub;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let agent: string;
  let officer: string;
  const clock = new TestClock();

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    hub = await startHub({
      plugins: {},
      cases: DEMO_CASE_SETUP,
      clock,
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Frontdoor <noreply@exempelstad.se>',
        SURVEY_PAGE_URL: SURVEY_PAGE,
      },
    });
    agent = await hub.token('agent', 'agent-survey', 'Alva Agent');
    officer = await hub.token('case_officer', 'officer-erik', 'Erik Avfall');
  });
  afterAll(async () => {
    await hub?.close();
    await smtp?.close();
  });

  /** The survey links that went to an address, decoded from quoted-printable. */
  const linksTo = (address: string) =>
    smtp.received
      .filter((m) => m.to.includes(address))
      .map((m) => m.raw.replace(/=\r?\n/g, ''))
      .flatMap((raw) => [...raw.matchAll(/\/enkat\/([A-Za-z0-9_-]{43})/g)].map((match) => match[1]));
  const surveyLinkTo = async (address: string) => {
    const until = Date.now() + 8000;
    while (linksTo(address).length === 0) {
      if (Date.now() > until) throw new Error(`no survey mail to ${address}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return linksTo(address)[0];
  };
  const register = async (
    email: string,
    extra = 'resolvedAtFirstLine: true, resolution: "Besvarat direkt"',
  ) => {
    const { data, errors } = await hub.graphql<{ registerContact: { id: string; reference: string } }>(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "avfall", summary: "Tunnan töms inte", contact: { email: "${email}" }, ${extra} }) { id reference } }`,
      {},
      { token: agent },
    );
    expect(errors).toBeUndefined();
    return data!.registerContact;
  };
  const page = (token: string) => fetch(`${hub.url}/enkat/${token}`);
  const post = (token: string, form: Record<string, string>) =>
    fetch(`${hub.url}/enkat/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  const stored = (caseId: string) =>
    hub.dataSource.getRepository(SurveyInvitation).findOneByOrFail({ caseId });
  /** Waits, bounded, until `check` holds: the mail arrives before the sender has marked it sent. */
  const eventually = async (what: string, check: () => Promise<boolean>) => {
    const deadline = Date.now() + 8000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('asks once after a contact resolved at the first line, with the reference and a link, never the case’s text', async () => {
    const contact = await register('ida@example.se');
    const token = await surveyLinkTo('ida@example.se');
    const mail = smtp.received.find((m) => m.to.includes('ida@example.se'))!.raw.replace(/=\r?\n/g, '');
    expect(mail).toContain(contact.reference);
    expect(mail).toContain(`${SURVEY_PAGE}${token}`);
    expect(mail).not.toContain('Tunnan');
    // The relay has the mail before the job marks the invitation sent: wait for the mark itself.
    await eventually('the invitation marked sent', async () => (await stored(contact.id)).sentAt !== null);
    const invitation = await stored(contact.id);
    expect(invitation).toMatchObject({ channel: 'PHONE', sentBy: 'email', answeredAt: null });
    // Only the hash of the token is kept.
    expect(JSON.stringify(invitation)).not.toContain(token);

    const question = await page(token);
    expect(question.status).toBe(200);
    const html = await question.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Hur nöjd är du med hur vi tog hand om din kontakt?');
    expect(html).not.toContain(contact.reference);
  });

  it('stores one answer, and says so when the link is used again', async () => {
    const contact = await register('jon@example.se');
    const token = await surveyLinkTo('jon@example.se');
    const saved = await post(token, { score: '4', comment: 'Snabbt och vänligt' });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Tack för ditt svar!');
    const again = await post(token, { score: '1' });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('Du har redan svarat');
    expect((await page(token)).status).toBe(410);
    expect(await stored(contact.id)).toMatchObject({ score: 4, comment: 'Snabbt och vänligt' });
  });

  it('stores one answer when the same link is posted twice at once', async () => {
    const contact = await register('kim@example.se');
    const token = await surveyLinkTo('kim@example.se');
    const statuses = (await Promise.all([post(token, { score: '5' }), post(token, { score: '2' })])).map(
      (r) => r.status,
    );
    expect(statuses.sort()).toEqual([200, 410]);
    expect([2, 5]).toContain((await stored(contact.id)).score);
  });

  it.each([
    ['no score', {}],
    ['a score of 7', { score: '7' }],
    ['a score that is no number', { score: 'bra' }],
    ['a comment over 1 000 characters', { score: '3', comment: 'x'.repeat(1001) }],
  ])('refuses %s with the question again and the reason, storing nothing', async (_label, form) => {
    const contact = await register(
      `fel-${Object.keys(form).length}-${String((form as { score?: string }).score)}@example.se`,
    );
    const token = await surveyLinkTo(
      `fel-${Object.keys(form).length}-${String((form as { score?: string }).score)}@example.se`,
    );
    const refused = await post(token, form as Record<string, string>);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Hur nöjd är du');
    expect((await stored(contact.id)).answeredAt).toBeNull();
  });

  it('says a link it does not know does not work, and stores nothing', async () => {
    for (const token of ['x'.repeat(43), 'short', '<script>']) {
      const response = await page(encodeURIComponent(token));
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('Länken fungerar inte');
    }
    expect((await post('y'.repeat(43), { score: '5' })).status).toBe(404);
  });

  it('asks after a forwarded case is closed, once however often it is closed again', async () => {
    const contact = await register('lo@example.se', '');
    expect(linksTo('lo@example.se')).toEqual([]);
    const forwarded = await hub.graphql(
      `mutation($id: ID!) { forwardCase(caseId: $id, answerGroupKey: "avfall", message: "Kärlet") { id } }`,
      { id: contact.id },
      { token: agent },
    );
    expect(forwarded.errors).toBeUndefined();
    const close = () =>
      hub.graphql(
        `mutation($id: ID!) { closeCase(caseId: $id, resolution: "Klart") { id } }`,
        { id: contact.id },
        { token: officer },
      );
    expect((await close()).errors).toBeUndefined();
    await surveyLinkTo('lo@example.se');
    expect(
      (
        await hub.graphql(
          `mutation($id: ID!) { reopenCase(caseId: $id, reason: "Nytt") { id } }`,
          { id: contact.id },
          { token: officer },
        )
      ).errors,
    ).toBeUndefined();
    // A minute on (the test clock stands still): the second closing is an event of its own.
    clock.advance(60_000);
    expect((await close()).errors).toBeUndefined();
    // The second closing's own notice has gone out: the case chain heard of it.
    // (The citizen hears of a closing, nothing else here: every mail to them but the question.)
    const closedNotices = () =>
      smtp.received.filter(
        (m) => m.to.includes('lo@example.se') && !m.raw.replace(/=\r?\n/g, '').includes('/enkat/'),
      ).length;
    const until = Date.now() + 8000;
    while (closedNotices() < 2) {
      if (Date.now() > until) throw new Error('the second closing was not noticed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(linksTo('lo@example.se')).toHaveLength(1);
    expect(await hub.dataSource.getRepository(SurveyInvitation).countBy({ caseId: contact.id })).toBe(1);
    // One question owed and sent for the case, whichever closing's job asks for it.
    const deliveries = () =>
      hub.dataSource.query(
        `SELECT sent_at FROM mail_delivery WHERE key = '${'survey:'}${contact.id}'`,
      ) as Promise<{ sent_at: unknown }[]>;
    await eventually('the question marked sent', async () => (await deliveries())[0]?.sent_at != null);
    expect(await deliveries()).toHaveLength(1);
  });

  it('counts the answers as SKR’s index for staff, per channel, category and answer group; not for citizens', async () => {
    // The test clock's day (TestClock starts on 2026-11-24).
    const today = '2026-11-24';
    const { data, errors } = await hub.graphql<{
      satisfaction: {
        total: { answers: number; index: number | null };
        byChannel: { channel: string; answers: number; index: number | null }[];
        byCategory: { categoryKey: string; answers: number }[];
      };
    }>(
      `{ satisfaction(from: "${today}", to: "${today}") { total { answers index } byChannel { channel answers index } byCategory { categoryKey answers } } }`,
      {},
      { token: officer },
    );
    expect(errors).toBeUndefined();
    const answered = await hub.dataSource.getRepository(SurveyInvitation).find();
    const scores = answered.filter((s) => s.score !== null).map((s) => s.score!);
    const expected = Math.round(((scores.reduce((a, b) => a + b, 0) / scores.length - 1) / 4) * 100);
    expect(data!.satisfaction.total).toEqual({ answers: scores.length, index: expected });
    expect(data!.satisfaction.byChannel).toEqual([
      { channel: 'PHONE', answers: scores.length, index: expected },
    ]);
    expect(data!.satisfaction.byCategory).toEqual([{ categoryKey: 'avfall', answers: scores.length }]);
    const citizen = await hub.graphql(
      `{ satisfaction(from: "${today}", to: "${today}") { total { answers } } }`,
      {},
      { token: await hub.token('citizen', '199001012385') },
    );
    expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('publishes no index on the public page under five answers', async () => {
    const json = (await (await fetch(`${hub.url}/service-results.json`)).json()) as {
      periods: { satisfaction: { answers: number; index: number | null } }[];
    };
    const thisYear = json.periods[1].satisfaction;
    expect(thisYear.answers).toBeLessThan(5);
    expect(thisYear.index).toBeNull();
    expect(await (await fetch(`${hub.url}/service-results`)).text()).toContain('För få svar');
  });

  it('says a link has expired after 14 days, and stores nothing', async () => {
    const contact = await register('max@example.se');
    const token = await surveyLinkTo('max@example.se');
    clock.advance(15 * 86_400_000);
    const expired = await page(token);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Länken har gått ut');
    expect((await post(token, { score: '5' })).status).toBe(410);
    expect((await stored(contact.id)).answeredAt).toBeNull();
  });
});
