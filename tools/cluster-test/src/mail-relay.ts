import { startTestSmtpServer } from '@frontdoor/core/testing';

export interface RelayedMail {
  messageId: string;
  to: string[];
  at: number;
}

/**
 * The municipality's mail relay, played by the hub's test SMTP server: it accepts every mail,
 * and the test counts each alarm's copies by Message-ID.
 */
export class MailRelay {
  private server?: Awaited<ReturnType<typeof startTestSmtpServer>>;
  private readonly parsed: RelayedMail[] = [];

  async start(): Promise<void> {
    this.server = await startTestSmtpServer();
  }

  get url(): string {
    return this.server!.url;
  }

  /** What arrived so far, each mail's headers read once. */
  get received(): RelayedMail[] {
    for (const mail of (this.server?.received ?? []).slice(this.parsed.length)) {
      // The header block, unfolded (a long header continues on lines that start with a space).
      const headers = mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
      const messageId = /^Message-ID: *(.*)$/im.exec(headers)?.[1]?.trim() ?? '';
      this.parsed.push({ messageId, to: mail.to, at: mail.at });
    }
    return this.parsed;
  }

  /** Mails whose Message-ID starts with `<prefix`, e.g. `case.sla-alarm`: copies of each. */
  copies(prefix: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.received)
      if (mail.messageId.startsWith(`<${prefix}`))
        counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
    return counts;
  }

  async close(): Promise<void> {
    await this.server?.close();
  }
}
