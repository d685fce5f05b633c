import { Mailer } from './mailer';
import { startTestSmtpServer } from '../testing/test-smtp-server';

describe('Mailer over real SMTP', () => {
  it('delivers a message to every recipient', async () => {
    const smtp = await startTestSmtpServer();
    const mailer = new Mailer({ smtpUrl: smtp.url, from: 'Frontdoor <noreply@exempelstad.se>' });
    try {
      await mailer.send({
        to: ['svarsgrupp@exempelstad.se', 'chef@exempelstad.se'],
        subject: 'Ärende försenat',
        text: 'Ärendet är inte avslutat.',
      });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].from).toBe('noreply@exempelstad.se');
      expect(smtp.received[0].to).toEqual(['svarsgrupp@exempelstad.se', 'chef@exempelstad.se']);
      expect(smtp.received[0].raw).toContain('Subject: =?UTF-8?');
    } finally {
      mailer.close();
      await smtp.close();
    }
  });

  it("names a mail by what it is (its delivery key) in the sender's domain, so a second copy is the same mail", async () => {
    const smtp = await startTestSmtpServer();
    const mailer = new Mailer({ smtpUrl: smtp.url, from: 'Frontdoor <noreply@exempelstad.se>' });
    try {
      await mailer.send({
        to: ['a@exempelstad.se'],
        subject: 's',
        text: 't',
        deliveryKey: 'case.sla-alarm:c1:17',
      });
      expect(smtp.received[0].raw).toMatch(/^Message-ID: <case\.sla-alarm\.c1\.17@exempelstad\.se>\r?$/m);
    } finally {
      mailer.close();
      await smtp.close();
    }
  });

  it('throws when the mail server cannot be reached, so the job retries', async () => {
    const mailer = new Mailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'noreply@exempelstad.se' });
    await expect(mailer.send({ to: ['a@exempelstad.se'], subject: 's', text: 't' })).rejects.toThrow();
    mailer.close();
  });
});
