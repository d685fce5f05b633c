import { SurveyInvitation } from '@frontdoor/core';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import {
  DEMO_CASE_SETUP,
  sandboxMessaging,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const SURVEY_PAGE = 'https://www.exempelstad.se/enkat/';

interface Sms {
  to: string;
  text: string;
}

/**
 * Issue 25, item 4 and decision 0090: the one question goes by the channel the citizen came in
 * by: a text after a call to a mobile number, e-mail after an e-mail; a provider down keeps it
 * queued and retried before the next channel; nobody to reach, nobody asked, and why is kept.
 */
describe('the survey by the channel the citizen came in by', () => {
  let hub: TestHub;
  let sandbox: SandboxHandle;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let agent: string;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    sandbox = await startSandbox();
    hub = await startHub({
      plugins: {},
      cases: DEMO_CASE_SETUP,
      messaging: sandboxMessaging(sandbox),
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Frontdoor <noreply@exempelstad.se>',
        SURVEY_PAGE_URL: SURVEY_PAGE,
      },
    });
    agent = await hub.token('agent', 'agent-survey', 'Alva Agent');
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
    await smtp?.close();
  });

  const register = async (channel: string, contact: string) => {
    const { data, errors } = await hub.graphql<{ registerContact: { id: string; reference: string } }>(
      `mutation { registerContact(input: { channel: ${channel}, categoryKey: "avfall", summary: "Tunnan töms inte", contact: ${contact}, resolvedAtFirstLine: true, resolution: "Besvarat direkt" }) { id reference } }`,
      {},
      { token: agent },
    );
    expect(errors).toBeUndefined();
    return data!.registerContact;
  };
  const smsInbox = async () => (await (await fetch(`${sandbox.url}/sms/admin/inbox`)).json()) as Sms[];
  const stored = (caseId: string) => hub.dataSource.getRepository(SurveyInvitation).findOneBy({ caseId });
  /** Waits, bounded, until `check` holds, and returns what it found. */
  const eventually = async <T>(what: string, check: () => Promise<T | undefined | null | false>) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const found = await check();
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const textAbout = (reference: string) =>
    eventually(`a text about ${reference}`, async () =>
      (await smsInbox()).find((sms) => sms.text.includes(reference)),
    );
  const mailsAbout = (reference: string) =>
    smtp.received.filter(
      (m) => m.raw.replace(/=\r?\n/g, '').includes(reference) && m.raw.includes('/enkat/'),
    );

  it('texts the question after a call to a mobile callback number: the reference and a link, never the content', async () => {
    const contact = await register('PHONE', '{ phone: "070-123 45 67", email: "ring@example.se" }');
    const sms = await textAbout(contact.reference);
    expect(sms.to).toBe('+46701234567');
    expect(sms.text).not.toContain('Tunnan');
    const token = sms.text.match(/\/enkat\/([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeDefined();
    expect(sms.text).toContain(`${SURVEY_PAGE}${token}`);
    const invitation = await eventually('the invitation marked sent', async () => {
      const found = await stored(contact.id);
      return found?.sentAt ? found : null;
    });
    expect(invitation).toMatchObject({ channel: 'PHONE', sentBy: 'sms', notAskedReason: null });
    // Not also by e-mail.
    expect(mailsAbout(contact.reference)).toEqual([]);
    // The link in the text answers the question.
    const answered = await fetch(`${hub.url}/enkat/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'score=5',
    });
    expect(answered.status).toBe(200);
  });

  it('asks by e-mail after a call from a landline, and after an e-mail whatever number is known', async () => {
    const landline = await register('PHONE', '{ phone: "08-123 456 78", email: "fast@example.se" }');
    const mail = await register('EMAIL', '{ phone: "070-765 43 21", email: "skrev@example.se" }');
    for (const contact of [landline, mail]) {
      const invitation = await eventually(`the invitation of ${contact.reference} sent`, async () => {
        const found = await stored(contact.id);
        return found?.sentAt ? found : null;
      });
      expect(invitation.sentBy).toBe('email');
      expect(mailsAbout(contact.reference)).toHaveLength(1);
    }
    expect((await smsInbox()).filter((sms) => sms.text.includes(mail.reference))).toEqual([]);
  });

  it('keeps the question queued while the SMS provider is down and retries it, then sends it once', async () => {
    await sandbox.setFault({ system: 'sms', mode: 'down' });
    const contact = await register('PHONE', '{ phone: "070-111 22 33" }');
    // The invitation is kept from the first try on, unsent while the provider is down.
    const pending = await eventually('the invitation created', () => stored(contact.id));
    expect(pending).toMatchObject({ sentAt: null, sentBy: null, notAskedReason: null });
    await sandbox.clearFaults();
    const sms = await textAbout(contact.reference);
    expect(sms.to).toBe('+46701112233');
    const sent = await eventually('the invitation marked sent', async () => {
      const found = await stored(contact.id);
      return found?.sentAt ? found : null;
    });
    expect(sent.sentBy).toBe('sms');
    expect((await smsInbox()).filter((s) => s.text.includes(contact.reference))).toHaveLength(1);
  });

  it('falls back to e-mail after the tries on a provider that stays down, once', async () => {
    await sandbox.setFault({ system: 'sms', mode: 'down' });
    const contact = await register('PHONE', '{ phone: "070-222 33 44", email: "reserv@example.se" }');
    const sent = await eventually('the invitation sent by e-mail', async () => {
      const found = await stored(contact.id);
      return found?.sentAt ? found : null;
    });
    expect(sent.sentBy).toBe('email');
    expect(mailsAbout(contact.reference)).toHaveLength(1);
    expect((await smsInbox()).filter((s) => s.text.includes(contact.reference))).toEqual([]);
  });

  it('asks nobody it cannot reach, and keeps why', async () => {
    const contact = await register('PHONE', '{ phone: "08-555 123 45" }');
    const invitation = await eventually('the invitation recorded', async () => {
      const found = await stored(contact.id);
      return found?.notAskedReason ? found : null;
    });
    expect(invitation).toMatchObject({
      sentAt: null,
      tokenHash: null,
      notAskedReason: 'no e-mail address or mobile number to reach the citizen',
    });
    expect(mailsAbout(contact.reference)).toEqual([]);
    expect((await smsInbox()).filter((s) => s.text.includes(contact.reference))).toEqual([]);
  });
});
