import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { HubConfig } from '@frontdoor/config';
import { EmailIntake, ImapPoller, InboundSmtpListener, type CaseService } from '@frontdoor/core';

type InboundEnv = Pick<
  HubConfig['env'],
  | 'EMAIL_INBOUND'
  | 'EMAIL_INBOUND_ADDRESSES'
  | 'EMAIL_INBOUND_CATEGORY'
  | 'EMAIL_INBOUND_SMTP_HOST'
  | 'EMAIL_INBOUND_SMTP_PORT'
  | 'EMAIL_INBOUND_MAX_BYTES'
  | 'EMAIL_INBOUND_MAX_ATTACHMENT_BYTES'
  | 'EMAIL_INBOUND_ACKS_PER_HOUR'
  | 'EMAIL_INBOUND_IMAP_URL'
  | 'EMAIL_INBOUND_IMAP_MAILBOX'
  | 'EMAIL_INBOUND_IMAP_DONE_MAILBOX'
  | 'EMAIL_INBOUND_IMAP_POLL_MS'
  | 'MAIL_FROM'
>;

/**
 * Mail to the contact address, where the hub's jobs run (decision 0080): with
 * `EMAIL_INBOUND=smtp` an SMTP listener, with `imap` a poller of an existing mailbox, whose
 * mail the same intake makes cases of; off, nothing.
 */
export class InboundMail {
  private readonly logger = new Logger('InboundMail');
  private listener?: InboundSmtpListener;
  private poller?: ImapPoller;
  /** The port listened on, once started (EMAIL_INBOUND_SMTP_PORT, or the one picked for 0). */
  port?: number;

  constructor(
    private readonly env: InboundEnv,
    private readonly dataSource: DataSource,
    private readonly cases: CaseService,
    private readonly now: () => Date,
  ) {}

  async start(): Promise<void> {
    if (this.env.EMAIL_INBOUND === 'off') return;
    if (!this.env.EMAIL_INBOUND_CATEGORY)
      throw new Error(
        'EMAIL_INBOUND_CATEGORY: the case category new mail gets (e.g. allmant) is needed with EMAIL_INBOUND',
      );
    const intake = new EmailIntake(
      this.dataSource,
      this.cases,
      {
        addresses: this.env.EMAIL_INBOUND_ADDRESSES,
        categoryKey: this.env.EMAIL_INBOUND_CATEGORY,
        maxAttachmentBytes: this.env.EMAIL_INBOUND_MAX_ATTACHMENT_BYTES,
        acknowledgementsPerSenderPerHour: this.env.EMAIL_INBOUND_ACKS_PER_HOUR,
        hubFrom: this.env.MAIL_FROM,
      },
      this.now,
    );
    if (this.env.EMAIL_INBOUND === 'imap') return this.startPolling(intake);
    this.listener = new InboundSmtpListener(intake, {
      host: this.env.EMAIL_INBOUND_SMTP_HOST,
      port: this.env.EMAIL_INBOUND_SMTP_PORT,
      maxBytes: this.env.EMAIL_INBOUND_MAX_BYTES,
      recipients: this.env.EMAIL_INBOUND_ADDRESSES,
    });
    this.port = await this.listener.start();
    this.logger.log(
      {
        host: this.env.EMAIL_INBOUND_SMTP_HOST,
        port: this.port,
        addresses: this.env.EMAIL_INBOUND_ADDRESSES,
      },
      'taking mail to the contact address',
    );
  }

  private startPolling(intake: EmailIntake): void {
    const url = this.env.EMAIL_INBOUND_IMAP_URL;
    if (!url)
      throw new Error('EMAIL_INBOUND_IMAP_URL: the mailbox to poll is needed with EMAIL_INBOUND=imap');
    const parsed = new URL(url);
    const secure = parsed.protocol === 'imaps:';
    this.poller = new ImapPoller(intake, {
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
      secure,
      user: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
      mailbox: this.env.EMAIL_INBOUND_IMAP_MAILBOX,
      doneMailbox: this.env.EMAIL_INBOUND_IMAP_DONE_MAILBOX ?? null,
      pollMs: this.env.EMAIL_INBOUND_IMAP_POLL_MS,
      contactAddress: this.env.EMAIL_INBOUND_ADDRESSES[0],
    });
    this.poller.start();
    this.logger.log(
      { host: parsed.hostname, mailbox: this.env.EMAIL_INBOUND_IMAP_MAILBOX },
      'polling the contact address’s mailbox',
    );
  }

  /** Takes no new connection or poll; sessions and a poll in flight finish. */
  async stop(): Promise<void> {
    await this.listener?.stop();
    await this.poller?.stop();
    this.listener = undefined;
    this.poller = undefined;
  }
}
