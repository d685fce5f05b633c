/**
 * Issue 25's inbound e-mail row: mail offered over SMTP to the hub's intake at `--rate` mails/s
 * for `--seconds`, each from its own citizen with a PDF of `--attachment` bytes, on PostgreSQL
 * (DATABASE_URL; a database of its own is created by the test helpers and dropped). Times each
 * mail from the end of DATA to the intake's 250 (sent only once the mail is stored, decision
 * 0080), over `--connections` connections from a relay; then counts what was stored: every
 * accepted mail must be exactly one e-mail row and one case of its own.
 *
 *   DATABASE_URL=postgres://… node -r @swc-node/register tools/bench/src/mail/mail-intake-bench.ts [--rate 50] [--seconds 10] [--connections 16] [--attachment 102400]
 *
 * Ports: the intake on 4170 (`--port`). Measures, never asserts.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { In } from 'typeorm';
import { EmailMessage, ServiceCase } from '@frontdoor/core';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import { DEMO_CASE_SETUP, startHub } from '@frontdoor/testing';
import { SmtpSender, citizenMail, onTheWire } from './smtp-sender';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RATE = arg('rate', 50);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 16);
const ATTACHMENT = arg('attachment', 100 * 1024);
const PORT = arg('port', 4170);
const CONTACT = 'kundtjanst@exempelstad.se';

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) console.warn('No DATABASE_URL: measuring on SQLite, not PostgreSQL.');
  const relay = await startTestSmtpServer();
  const hub = await startHub({
    plugins: {},
    cases: DEMO_CASE_SETUP,
    env: {
      SMTP_URL: relay.url,
      MAIL_FROM: 'Frontdoor <noreply@exempelstad.se>',
      EMAIL_INBOUND: 'smtp',
      EMAIL_INBOUND_ADDRESSES: CONTACT,
      EMAIL_INBOUND_CATEGORY: 'parkering',
      EMAIL_INBOUND_SMTP_PORT: String(PORT),
    },
  });
  const total = Math.round(RATE * SECONDS);
  // Built before the clock starts: the relay has the mails at hand.
  const mails = Array.from({ length: total }, (_, i) => {
    const mail = citizenMail({
      from: `medborgare-${i}@example.se`,
      to: CONTACT,
      subject: `Fråga om parkeringstillstånd ${i}`,
      text: `Hej!\n\nJag undrar hur det går med min ansökan om parkeringstillstånd (${i}).\n\nMvh`,
      attachmentBytes: ATTACHMENT,
    });
    return { messageId: mail.messageId, wire: onTheWire(mail.raw) };
  });
  const senders = await Promise.all(Array.from({ length: CONNECTIONS }, () => SmtpSender.open(PORT)));
  const free = [...senders];
  const freed: (() => void)[] = [];
  const acceptance: number[] = [];
  const accepted: string[] = [];
  let refused = 0;
  let queuedBehindConnections = 0;
  const start = performance.now();
  try {
    const sends: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sends.push(
        (async () => {
          if (free.length === 0) {
            queuedBehindConnections++;
            await new Promise<void>((resolve) => freed.push(resolve));
          }
          const sender = free.pop()!;
          try {
            acceptance.push(await sender.send(`medborgare-${i}@example.se`, CONTACT, mails[i].wire));
            accepted.push(mails[i].messageId);
          } catch (error) {
            refused++;
            console.error(`mail ${i}: ${(error as Error).message}`);
          } finally {
            free.push(sender);
            freed.shift()?.();
          }
        })(),
      );
    }
    await Promise.all(sends);
    const elapsed = (performance.now() - start) / 1000;

    // Every accepted mail: exactly one stored e-mail, each on a case of its own, one case per mail.
    const stored = await hub.dataSource
      .getRepository(EmailMessage)
      .find({ where: { messageId: In(accepted) }, select: { messageId: true, caseId: true } });
    const caseIds = new Set(stored.map((m) => m.caseId).filter((id): id is string => id !== null));
    const cases = await hub.dataSource.getRepository(ServiceCase).countBy({ id: In([...caseIds]) });
    const allCases = await hub.dataSource.getRepository(ServiceCase).count();
    acceptance.sort((a, b) => a - b);
    const p = (q: number) => acceptance[Math.min(acceptance.length - 1, Math.floor(q * acceptance.length))];
    console.log(
      '| database | offered mails/s | mails | attachment kB | connections | accepted/s | DATA → 250 p50 / p99 / max ms | refused | stored e-mails | cases (all) | waited for a connection | load average |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${process.env.DATABASE_URL ? 'PostgreSQL 15' : 'SQLite'} | ${RATE} | ${total} | ${(ATTACHMENT / 1024).toFixed(0)} | ${CONNECTIONS} | ${(accepted.length / elapsed).toFixed(1)} | ${p(0.5).toFixed(0)} / ${p(0.99).toFixed(0)} / ${acceptance.at(-1)!.toFixed(0)} | ${refused} | ${stored.length} of ${accepted.length} | ${cases} of ${caseIds.size} (${allCases}) | ${queuedBehindConnections} | ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} |`,
    );
  } finally {
    await Promise.all(senders.map((s) => s.close()));
    await hub.close();
    await relay.close();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
