import { createConnection, type Socket } from 'node:net';
import { startTestSmtpServer } from './test-smtp-server';

/** An SMTP client of the plainest kind: each line waits for the server's whole reply (its last line "NNN text"). */
class Conversation {
  private buffered = '';
  private waiting?: () => void;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered += chunk.toString('utf8');
      this.waiting?.();
    });
  }

  static async open(port: number): Promise<Conversation> {
    const conversation = new Conversation(createConnection({ port, host: '127.0.0.1' }));
    await conversation.reply(); // the 220 greeting
    return conversation;
  }

  async say(...lines: string[]): Promise<void> {
    for (const line of lines) {
      this.socket.write(`${line}\r\n`);
      await this.reply();
    }
  }

  private async reply(): Promise<string> {
    const complete = () => /(^|\r\n)\d{3} [^\r\n]*\r\n$/.test(this.buffered);
    while (!complete()) await new Promise<void>((resolve) => (this.waiting = resolve));
    const reply = this.buffered;
    this.buffered = '';
    return reply;
  }
}

async function waitUntil(what: string, done: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the test SMTP server', () => {
  it('outlives a sender reset mid-mail (a killed worker) and takes the next mail', async () => {
    const smtp = await startTestSmtpServer();
    const port = Number(new URL(smtp.url).port);
    try {
      const dying = await Conversation.open(port);
      await dying.say('EHLO worker', 'MAIL FROM:<hub@exempelstad.se>', 'RCPT TO:<a@exempelstad.se>', 'DATA');
      dying.socket.resetAndDestroy(); // TCP RST, as from a process killed with SIGKILL

      // Without an error listener smtp-server's re-emitted ECONNRESET is an uncaught exception.
      await waitUntil('the reset to reach the server', () => smtp.connectionErrors.length === 1);
      expect((smtp.connectionErrors[0] as NodeJS.ErrnoException).code).toBe('ECONNRESET');

      const next = await Conversation.open(port);
      await next.say(
        'EHLO worker',
        'MAIL FROM:<hub@exempelstad.se>',
        'RCPT TO:<b@exempelstad.se>',
        'DATA',
        'Subject: whole\r\n\r\nsent in full\r\n.',
        'QUIT',
      );
      next.socket.destroy();
      expect(smtp.received.map((m) => m.to)).toEqual([['b@exempelstad.se']]);
    } finally {
      await smtp.close();
    }
  });
});
