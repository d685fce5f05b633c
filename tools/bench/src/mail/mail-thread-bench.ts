/**
 * Issue 25's thread row: a case whose thread holds `--mails` mails (the citizen's first mail,
 * then replies joined to the case by In-Reply-To), read through GraphQL as the console's case
 * view reads it (its CaseView document), p50/p95 over `--runs` reads. Every `--every`th mail
 * carries a PDF of `--attachment` bytes (the view lists attachments, it does not load them).
 *
 *   DATABASE_URL=postgres://… node -r @swc-node/register tools/bench/src/mail/mail-thread-bench.ts [--mails 50] [--runs 50] [--every 5] [--attachment 102400]
 *
 * Ports: the intake on 4172 (`--port`). Measures, never asserts.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { EmailMessage } from '@frontdoor/core';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import { DEMO_CASE_SETUP, startHub } from '@frontdoor/testing';
import { consoleDocument } from '../console-documents';
import { SmtpSender, citizenMail, onTheWire } from './smtp-sender';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MAILS = arg('mails', 50);
const RUNS = arg('runs', 50);
const EVERY = arg('every', 5);
const ATTACHMENT = arg('attachment', 100 * 1024);
const PORT = arg('port', 4172);
const CONTACT = 'kundtjanst@exempelstad.se';
const CITIZEN = 'bertil.berg@example.se';
const CASE_VIEW = consoleDocument('CaseView');

async function main(): Promise<void> {
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
  const sender = await SmtpSender.open(PORT);
  try {
    let previous: string | undefined;
    for (let i = 0; i < MAILS; i++) {
      const mail = citizenMail({
        from: CITIZEN,
        to: CONTACT,
        subject: i === 0 ? 'Felparkerad bil utanför min infart' : 'Re: Felparkerad bil utanför min infart',
        text: `Hej igen (${i + 1}).\n\n${'Bilen står kvar och jag kommer inte ut med min egen. '.repeat(20)}\n\nMvh Bertil`,
        ...(previous ? { inReplyTo: previous } : {}),
        attachmentBytes: i % EVERY === 0 ? ATTACHMENT : 0,
      });
      await sender.send(CITIZEN, CONTACT, onTheWire(mail.raw));
      previous = mail.messageId;
    }
    const stored = await hub.dataSource.getRepository(EmailMessage).findBy({ direction: 'IN' });
    const caseIds = new Set(stored.map((m) => m.caseId));
    if (caseIds.size !== 1 || stored.length !== MAILS)
      throw new Error(`expected ${MAILS} mails on one case, got ${stored.length} on ${caseIds.size}`);
    const [caseId] = caseIds;
    const token = await hub.token('agent', 'agent-alva', 'Alva Agent');
    const read = async () => {
      const response = await hub.graphql<{ case: { emails: unknown[] } }>(
        CASE_VIEW,
        { id: caseId },
        { token },
      );
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      return response.data!.case.emails.length;
    };
    const shown = await read(); // warm, and what the view shows
    const samples: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      await read();
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
    console.log(
      '| database | mails in the thread (shown) | with a PDF | reads | CaseView p50 / p95 ms | load average |',
    );
    console.log('|---|---|---|---|---|---|');
    console.log(
      `| ${process.env.DATABASE_URL ? 'PostgreSQL 15' : 'SQLite'} | ${MAILS} (${shown}) | ${Math.ceil(MAILS / EVERY)} × ${(ATTACHMENT / 1024).toFixed(0)} kB | ${RUNS} | ${p(0.5).toFixed(1)} / ${p(0.95).toFixed(1)} | ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} |`,
    );
  } finally {
    await sender.close();
    await hub.close();
    await relay.close();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
