import { Logger } from '@nestjs/common';
import type { HubConfig } from '@frontdoor/config';
import { Mailer, type MailMessage } from '@frontdoor/core';

/** What the hub's jobs need of a mailer. */
export type HubMailer = Pick<Mailer, 'send' | 'close'>;

/** Sends nothing, logs what it would send: the embedded default without an SMTP server. */
export class LoggingMailer implements HubMailer {
  private readonly logger = new Logger('Mail');
  async send(message: MailMessage): Promise<void> {
    this.logger.log({ to: message.to, subject: message.subject }, 'mail not sent (no SMTP_URL)');
  }
  close(): void {}
}

/** SMTP when SMTP_URL is set, else the logging stand-in. */
export function createHubMailer(env: Pick<HubConfig['env'], 'SMTP_URL' | 'MAIL_FROM'>): HubMailer {
  return env.SMTP_URL ? new Mailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }) : new LoggingMailer();
}
