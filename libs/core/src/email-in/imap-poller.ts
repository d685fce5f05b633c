import { Logger } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import type { EmailIntake } from './email-intake';

export interface ImapSettings {
  host: string;
  port: number;
  /** TLS from the start (imaps, 993); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  /** The mailbox read, e.g. INBOX. */
  mailbox: string;
  /** Where a taken mail is moved (created when missing); none: it is only marked read (\Seen). */
  doneMailbox: string | null;
  pollMs: number;
  /** The contact address the mailbox receives for (the mail's recipient as the intake sees it). */
  contactAddress: string;
}

/**
 * The alternative to the SMTP listener when the municipality keeps its contact address in an
 * existing mailbox (EMAIL_INBOUND=imap): every `pollMs` the unread mail of the mailbox goes
 * through the same intake, and each mail the intake has stored is moved to `doneMailbox` (or
 * marked read). A mail the intake could not store stays unread and is taken on the next poll;
 * two workers polling at once take a mail once (the intake's unique Message-ID).
 */
export class ImapPoller {
  private readonly logger = new Logger('ImapPoller');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = true;

  constructor(
    private readonly intake: Pick<EmailIntake, 'receive'>,
    private readonly settings: ImapSettings,
  ) {}

  /** One poll: how many mails were taken. Rejects when the server cannot be reached or refuses. */
  poll(): Promise<number> {
    this.running ??= this.pollOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pollOnce(): Promise<number> {
    const { host, port, secure, user, password, mailbox, doneMailbox } = this.settings;
    const client = new ImapFlow({ host, port, secure, auth: { user, pass: password }, logger: false });
    client.on('error', (error: Error) => this.logger.warn({ error: error.message }, 'IMAP connection error'));
    await client.connect();
    let taken = 0;
    try {
      if (doneMailbox) await client.mailboxCreate(doneMailbox).catch(() => undefined);
      const lock = await client.getMailboxLock(mailbox);
      try {
        const unread = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of unread) {
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!message || !message.source) continue;
          try {
            await this.intake.receive(message.source, {
              from: returnPathOf(message.source),
              to: [this.settings.contactAddress],
            });
          } catch (error) {
            // Left unread: the next poll tries again (nothing is lost, and the retry is one mail).
            this.logger.error({ uid, error: (error as Error).message }, 'mail not stored; retried next poll');
            continue;
          }
          if (doneMailbox) await client.messageMove(String(uid), doneMailbox, { uid: true });
          else await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          taken++;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    return taken;
  }

  start(): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      void this.poll()
        .catch((error: Error) => this.logger.error({ error: error.message }, 'IMAP poll failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.settings.pollMs).unref();
        });
    };
    tick();
  }

  /** No further polls; a poll in flight finishes. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}

/**
 * The envelope sender as the delivering server recorded it (`Return-Path`), the one place a
 * bounce's null sender `<>` survives in a mailbox; without the header, the From address stands in.
 */
function returnPathOf(source: Buffer): string {
  const head = source.subarray(0, Math.min(source.length, 64 * 1024)).toString('latin1');
  const headerEnd = head.search(/\r?\n\r?\n/);
  const headers = headerEnd === -1 ? head : head.slice(0, headerEnd);
  const returnPath = /^Return-Path:\s*<([^>]*)>/im.exec(headers);
  if (returnPath) return returnPath[1].trim();
  return /^From:.*?<?([^\s<>"]+@[^\s<>"]+)>?\s*$/im.exec(headers)?.[1] ?? '';
}
