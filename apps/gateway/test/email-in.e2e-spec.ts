import { simpleParser, type ParsedMail } from 'mailparser';
import { createTransport, type Transporter } from 'nodemailer';
import { EmailMessage } from '@frontdoor/core';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import { DEMO_CASE_SETUP, freePort, startHub, type TestHub } from '@frontdoor/testing';

const CONTACT = 'kundtjanst@exempelstad.se';

interface CaseView {
  id: string;
  reference: string;
  channel: string;
  status: string;
  version: number;
  events: { type: string }[];
  emails: {
    direction: string;
    disposition: string;
    from: string;
    subject: string;
    text: string;
    attachments: { filename: string; contentType: string; refusedBecause: string | null }[];
  }[];
}
const CASE_FIELDS =
  'id reference channel status version events { type } emails { direction disposition from subject text attachments { filename contentType refusedBecause } }';

describe('e-mail in: a mail to the contact address becomes a case, answered by e-mail from the console', () => {
  let hub: TestHub;
  let relay: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let citizen: Transporter;
  let agent: string;
  let strangerOfficer: string;

  const mailsTo = async (address: string, count: number): Promise<ParsedMail[]> => {
    const until = Date.now() + 8000;
    const to = () => relay.received.filter((m) => m.to.includes(address));
    while (to().length < count) {
      if (Date.now() > until) throw new Error(`fewer than ${count} mails to ${address} arrived`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Promise.all(to().map((m) => simpleParser(m.raw)));
  };
  const caseOfMail = async (messageId: string, token = agent): Promise<CaseView> => {
    const stored = await hub.dataSource.getRepository(EmailMessage).findOneByOrFail({ messageId });
    const { data, errors } = await hub.graphql<{ case: CaseView }>(
      `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`,
      { id: stored.caseId },
      { token },
    );
    expect(errors).toBeUndefined();
    return data!.case;
  };

  beforeAll(async () => {
    relay = await startTestSmtpServer();
    const port = await freePort();
    hub = await startHub({
      plugins: {},
      cases: DEMO_CASE_SETUP,
      env: {
        SMTP_URL: relay.url,
        MAIL_FROM: 'Frontdoor <noreply@exempelstad.se>',
        EMAIL_INBOUND: 'smtp',
        EMAIL_INBOUND_ADDRESSES: CONTACT,
        EMAIL_INBOUND_CATEGORY: 'parkering',
        EMAIL_INBOUND_SMTP_PORT: String(port),
      },
    });
    citizen = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    agent = await hub.token('agent', 'agent-alva', 'Alva Agent');
    strangerOfficer = await hub.token('case_officer', 'officer-nina', 'Nina');
  });
  afterAll(async () => {
    citizen?.close();
    await hub?.close();
    await relay?.close();
  });

  it('takes the mail, acknowledges it, shows the thread, sends the answer, and joins the reply to the case', async () => {
    await citizen.sendMail({
      from: 'Anna Andersson <anna@example.org>',
      to: CONTACT,
      subject: 'Felparkerad bil',
      text: 'En bil står på min parkeringsplats.',
      messageId: '<anna-1@example.org>',
      attachments: [{ filename: 'bild.jpg', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) }],
    });
    const [acknowledgement] = await mailsTo('anna@example.org', 1);
    const registered = await caseOfMail('<anna-1@example.org>');
    expect(registered).toMatchObject({ channel: 'EMAIL', status: 'OPEN' });
    expect(acknowledgement.subject).toContain(registered.reference);
    expect(acknowledgement.text).toMatch(/Vi svarar senast \S+ \d+ \S+ \d{4}\./);
    expect(registered.emails).toEqual([
      expect.objectContaining({
        direction: 'IN',
        disposition: 'NEW_CASE',
        from: 'anna@example.org',
        attachments: [{ filename: 'bild.jpg', contentType: 'image/jpeg', refusedBecause: null }],
      }),
      expect.objectContaining({ direction: 'OUT', disposition: 'ACKNOWLEDGEMENT' }),
    ]);

    // An officer of a group the case is not with neither reads the thread nor answers.
    expect((await caseOfMail('<anna-1@example.org>', strangerOfficer)).emails).toEqual([]);
    const refused = await hub.graphql(
      'mutation($id: ID!) { answerCaseByEmail(caseId: $id, text: "Nej") { id } }',
      { id: registered.id },
      { token: strangerOfficer },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const answered = await hub.graphql<{ answerCaseByEmail: { status: string; events: { type: string }[] } }>(
      'mutation($id: ID!, $v: Int) { answerCaseByEmail(caseId: $id, text: "Vi skickar en parkeringsvakt.", version: $v) { status events { type } } }',
      { id: registered.id, v: registered.version },
      { token: agent },
    );
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.answerCaseByEmail.events.at(-1)?.type).toBe('REPLIED');
    const [, answer] = await mailsTo('anna@example.org', 2);
    expect(answer.subject).toBe(`Re: Felparkerad bil [${registered.reference}]`);
    expect(answer.from?.value[0].address).toBe(CONTACT);
    expect(answer.inReplyTo).toBe('<anna-1@example.org>');
    expect(answer.text).toContain('Vi skickar en parkeringsvakt.');

    await citizen.sendMail({
      from: 'anna@example.org',
      to: CONTACT,
      subject: `Re: ${answer.subject}`,
      text: 'Tack!',
      messageId: '<anna-2@example.org>',
      inReplyTo: answer.messageId,
      references: [answer.messageId!],
    });
    const followed = await caseOfMail('<anna-2@example.org>');
    expect(followed.id).toBe(registered.id);
    expect(followed.events.at(-1)?.type).toBe('EMAIL_RECEIVED');
    expect(followed.emails.map((m) => m.disposition)).toEqual([
      'NEW_CASE',
      'ACKNOWLEDGEMENT',
      'ANSWER',
      'JOINED_CASE',
    ]);
    // A reply is not acknowledged; only the acknowledgement and the answer went to Anna.
    expect(relay.received.filter((m) => m.to.includes('anna@example.org'))).toHaveLength(2);
  });

  it('refuses an answer on a case without an e-mail address, saying why', async () => {
    const registered = await hub.graphql<{ registerContact: { id: string } }>(
      'mutation { registerContact(input: { channel: PHONE, categoryKey: "parkering", summary: "Ringde" }) { id } }',
      {},
      { token: agent },
    );
    const answer = await hub.graphql(
      'mutation($id: ID!) { answerCaseByEmail(caseId: $id, text: "Svar") { id } }',
      { id: registered.data!.registerContact.id },
      { token: agent },
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NO_EMAIL_ADDRESS',
    });
  });
});
