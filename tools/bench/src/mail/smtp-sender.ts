import { randomBytes } from 'node:crypto';
import { createConnection, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

interface Reply {
  code: number;
  text: string;
}

/**
 * One plain SMTP connection to a loopback server, one mail at a time, so a bench can time the
 * exact step it cares about: from the end of DATA (the final dot sent) to the server's reply.
 * No pipelining, no TLS, no AUTH (the hub's intake takes plain SMTP from a relay on loopback).
 */
export class SmtpSender {
  private buffer = '';
  private waiting: { resolve: (reply: Reply) => void; reject: (error: Error) => void }[] = [];
  private replies: Reply[] = [];
  private failed?: Error;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.read(chunk));
    const fail = (error: Error) => {
      this.failed ??= error;
      for (const waiter of this.waiting.splice(0)) waiter.reject(this.failed);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('SMTP connection closed')));
  }

  static async open(port: number, timeoutMs = 10_000): Promise<SmtpSender> {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('SMTP connection timed out')));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const sender = new SmtpSender(socket);
    await sender.expect(220);
    await sender.command('EHLO bench.local', 250);
    return sender;
  }

  /**
   * Sends one mail (`wire`: from `onTheWire`, prepared before the clock runs); resolves with the
   * ms from the final dot to the server's 250.
   */
  async send(from: string, to: string, wire: Buffer): Promise<number> {
    await this.command(`MAIL FROM:<${from}>`, 250);
    await this.command(`RCPT TO:<${to}>`, 250);
    await this.command('DATA', 354);
    this.socket.write(wire);
    const sent = performance.now();
    this.socket.write('.\r\n');
    await this.expect(250);
    return performance.now() - sent;
  }

  async close(): Promise<void> {
    await this.command('QUIT', 221).catch(() => undefined);
    this.socket.destroy();
  }

  private async command(line: string, code: number): Promise<void> {
    this.socket.write(`${line}\r\n`);
    await this.expect(code);
  }

  private async expect(code: number): Promise<void> {
    const reply = await this.next();
    if (reply.code !== code) throw new Error(`SMTP: expected ${code}, got ${reply.code} ${reply.text}`);
  }

  private next(): Promise<Reply> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve(ready);
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Collects reply lines; a reply ends at the line whose code is followed by a space. */
  private read(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\r\n')) >= 0) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      if (line[3] === '-') continue;
      const reply = { code: Number(line.slice(0, 3)), text: line.slice(4) };
      const waiter = this.waiting.shift();
      if (waiter) waiter.resolve(reply);
      else this.replies.push(reply);
    }
  }
}

/** A message as DATA carries it: CRLF line ends, dot-stuffed (a line starting with '.' gets another), ending in CRLF. */
export function onTheWire(message: string): Buffer {
  const body = message.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
  return Buffer.from(body.endsWith('\r\n') ? body : `${body}\r\n`, 'utf8');
}

/** A citizen's mail as a mail client writes it: text, and optionally one PDF attachment of `attachmentBytes`. */
export function citizenMail(options: {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
  attachmentBytes?: number;
}): { messageId: string; raw: string } {
  const messageId = options.messageId ?? `<${randomBytes(8).toString('hex')}@bench.local>`;
  const boundary = `b-${randomBytes(6).toString('hex')}`;
  const headers = [
    `From: ${options.from}`,
    `To: ${options.to}`,
    `Subject: ${options.subject}`,
    `Message-ID: ${messageId}`,
    ...(options.inReplyTo ? [`In-Reply-To: ${options.inReplyTo}`, `References: ${options.inReplyTo}`] : []),
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
  ];
  const text = Buffer.from(options.text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  if (!options.attachmentBytes)
    return {
      messageId,
      raw: [
        ...headers,
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        text,
      ].join('\r\n'),
    };
  const attachment = randomBytes(options.attachmentBytes).toString('base64').replace(/.{76}/g, '$&\r\n');
  return {
    messageId,
    raw: [
      ...headers,
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      text,
      `--${boundary}`,
      'Content-Type: application/pdf; name="underlag.pdf"',
      'Content-Disposition: attachment; filename="underlag.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      attachment,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  };
}
