import type { DataSource } from 'typeorm';
import type { JobQueue } from '@frontdoor/jobs';
import { MailDeliveries } from '../mail/mail-deliveries';
import type { Mailer } from '../mail/mailer';
import { EmailMessage } from './email-message.entities';

export const EMAIL_SEND_JOB = 'email.send';

export interface EmailSendPayload {
  emailId: string;
}

/** The job, the delivery claim and (in the sender's domain) the Message-ID of one outgoing mail. */
export function emailSendJobId(emailId: string): string {
  return `${EMAIL_SEND_JOB}:${emailId}`;
}

/**
 * Sends an outgoing mail of a case's thread (an acknowledgement, an answer), written in the
 * transaction that owed it and queued through the outbox: once (MailDeliveries' claim), from
 * the contact address, threaded with `In-Reply-To`/`References`. An acknowledgement is marked
 * an automatic reply (RFC 3834), so autoresponders leave it unanswered. A relay that refuses
 * throws, and the job queue retries.
 */
export class EmailSending {
  private readonly deliveries: MailDeliveries;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Pick<Mailer, 'send'>,
    now?: () => Date,
  ) {
    this.deliveries = new MailDeliveries(dataSource, now);
  }

  register(queue: JobQueue): void {
    queue.process<EmailSendPayload>(EMAIL_SEND_JOB, (job) => this.send(job.payload));
  }

  async send({ emailId }: EmailSendPayload): Promise<void> {
    const mail = await this.dataSource
      .getRepository(EmailMessage)
      .findOneBy({ id: emailId, direction: 'OUT' });
    if (!mail) return;
    const key = emailSendJobId(emailId);
    await this.deliveries.deliverOnce(key, () =>
      this.mailer.send({
        from: mail.fromAddress,
        to: [mail.toAddress],
        subject: mail.subject,
        text: mail.text,
        deliveryKey: key,
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
        ...(mail.references ? { references: mail.references.split(' ') } : {}),
        ...(mail.disposition === 'ACKNOWLEDGEMENT' ? { headers: { 'Auto-Submitted': 'auto-replied' } } : {}),
      }),
    );
  }
}
