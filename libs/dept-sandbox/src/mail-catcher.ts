import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';

interface CaughtMail {
  receivedAt: string;
  to: string[];
  subject: string;
  text: string;
}

/**
 * The municipality's mail relay, for demos: an SMTP server that keeps what the hub sends
 * (answer-group notifications, SLA alarms) and shows it at GET /demo/mail.
 */
export async function startMailCatcher(app: FastifyInstance, port: number): Promise<SMTPServer> {
  const caught: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head, ...body] = raw.split(/\r?\n\r?\n/);
        caught.unshift({
          receivedAt: new Date().toISOString(),
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeHeader(/^Subject: (.*(?:\r?\n\s.*)*)/m.exec(head)?.[1] ?? ''),
          text: /quoted-printable/i.test(head) ? decodeQuotedPrintable(body.join('\n\n')) : body.join('\n\n'),
        });
        caught.splice(200);
        callback();
      });
    },
  });
  // A sender that drops its connection mid-mail must not crash the sandbox (smtp-server emits
  // the socket error on the server, and an unheard 'error' event throws).
  server.on('error', (error) => app.log.warn({ err: error }, 'mail catcher: connection error'));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  app.get('/demo/mail', async () => caught);
  app.addHook('onClose', async () => new Promise<void>((resolve) => server.close(() => resolve())));
  return server;
}

/** Decodes RFC 2047 encoded-words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header. */
function decodeHeader(value: string): string {
  return value
    .replace(/\r?\n\s+/g, ' ')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    )
    .trim();
}

/** Decodes a quoted-printable UTF-8 body (soft line breaks and =XX bytes). */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n');
}
