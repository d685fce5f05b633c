/**
 * Case chain throughput and alarm lateness, through the real gateway over loopback HTTP, on
 * the embedded SQLite file or on PostgreSQL (DATABASE_URL). Bounded: a fixed number of
 * requests. Prints a markdown table.
 *   node -r @swc-node/register tools/bench/case-chain.bench.ts [registrations=500] [concurrency=8]
 */
import { startTestSmtpServer } from '@frontdoor/core/testing';
import { DEMO_CASE_SETUP, startHub } from '@frontdoor/testing';

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 500);
  const concurrency = Number(process.argv[3] ?? 8);
  const smtp = await startTestSmtpServer();
  const hub = await startHub({
    plugins: {},
    cases: DEMO_CASE_SETUP,
    env: { SMTP_URL: smtp.url, RATE_LIMIT_PER_MINUTE: '1000000' },
  });
  try {
    const token = await hub.token('agent', 'bench');
    const register = (i: number) =>
      hub.graphql<{ registerContact: { id: string } }>(
        `mutation { registerContact(input: { channel: PHONE, categoryKey: "avfall", personalNumber: "199001012385", summary: "Bench ${i}", resolvedAtFirstLine: ${i % 3 !== 0}, resolution: "svar" }) { id } }`,
        {},
        { token },
      );

    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const result = await register(next++);
          if (result.errors) throw new Error(JSON.stringify(result.errors));
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;

    // Alarm lateness: forward 50 cases, move the clock past their due time, time the alarms.
    const forwarded: string[] = [];
    for (let i = 0; i < 50; i++) {
      const { data } = await hub.graphql<{ registerContact: { id: string } }>(
        'mutation { registerContact(input: { channel: PHONE, categoryKey: "avfall", summary: "Alarm" }) { id } }',
        {},
        { token },
      );
      await hub.graphql(
        'mutation($id: ID!) { forwardCase(caseId: $id, answerGroupKey: "forskola", message: "x") { id } }',
        { id: data!.registerContact.id },
        { token },
      );
      forwarded.push(data!.registerContact.id);
    }
    const alarmsBefore = smtp.received.filter((m) => m.raw.includes('rsenat')).length;
    await fetch(`${hub.url}/dev/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hours: 24 * 10 }),
    });
    const dueAt = Date.now();
    const lateness: number[] = [];
    while (lateness.length < 50 && Date.now() - dueAt < 60_000) {
      const count = smtp.received.filter((m) => m.raw.includes('rsenat')).length - alarmsBefore;
      while (lateness.length < count) lateness.push(Date.now() - dueAt);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
    console.log(`| case chain on ${db} | value |`);
    console.log('|---|---|');
    console.log(
      `| registerContact over HTTP, ${total} requests, ${concurrency} concurrent | ${(total / seconds).toFixed(0)} cases/s |`,
    );
    console.log(
      `| SLA alarms for 50 overdue cases: first / last after due | ${lateness[0]} ms / ${lateness.at(-1)} ms |`,
    );
  } finally {
    await hub.close();
    await smtp.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
