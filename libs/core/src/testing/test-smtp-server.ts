import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** When it arrived (ms since the epoch). */
  at: number;
}

/**
 * A real SMTP server in process for tests: the fake at the edge of what cannot run here
 * (a municipality's mail relay). It accepts everything and keeps what arrives.
 */
export async function startTestSmtpServer(): Promise<{
  url: string;
  received: ReceivedMail[];
  /** Connections that broke mid-transaction (their mail is not in `received`). */
  connectionErrors: Error[];
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  const connectionErrors: Error[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        });
        callback();
      });
    },
  });
  // A client that dies mid-transaction (a worker killed on purpose) resets its connection, and
  // smtp-server re-emits that on the server: without a listener it is an uncaught exception in
  // the test process. The mail it was sending never arrived, which is what tests count.
  server.on('error', (error: Error) => connectionErrors.push(error));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    connectionErrors,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
