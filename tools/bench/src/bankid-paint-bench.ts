/**
 * Issue 24's row: from BankID's `complete` to the identified caller's income-support matter
 * readable in the console, and what the hub adds to each poll. One sandbox (its own process,
 * ports 4185–4187) whose department systems answer after `--delay` ms, one hub from `@frontdoor/testing` reading income support
 * (secrecy, opened to agents at level 2 with four eyes) among every plugin of config/embedded.json,
 * cache off.
 *
 * Each round a new agent (an identification holds for its agent only) starts a phone
 * identification of a demo person with an income-support application; `--polls` pending polls
 * are timed through the hub (`collectCallerIdentification`) and as many straight to the
 * sandbox's BankID `collect` (the hub's own client, same mutual TLS); then the caller approves
 * in the app (the sandbox's admin call) and the clock runs from that answer until the console's
 * collect says COMPLETE and its PersonView query returns the income-support matter.
 *
 *   node -r @swc-node/register tools/bench/src/bankid-paint-bench.ts [--rounds 20] [--delay 50] [--polls 5]
 *
 * Measures, never asserts: numbers go to docs/performance.md.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { BankIdClient } from '@frontdoor/core';
import { startHub, type TestHub } from '@frontdoor/testing';
import { consoleDocument } from './console-documents';
import {
  EMBEDDED_DEPARTMENTS,
  embeddedPlugins,
  slowDepartments,
  type EmbeddedPluginId,
} from './embedded-departments';
import { startSandboxProcess } from './sandbox-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 20);
const DELAY = arg('delay', 50);
const POLLS = arg('polls', 5);
const SANDBOX_PORT = 4185;
const DEPARTMENT = 'Försörjningsstöd';
/** Every plugin of config/embedded.json, as the demo's console reads them. */
const DEPARTMENTS = Object.keys(EMBEDDED_DEPARTMENTS) as EmbeddedPluginId[];
/** The sandbox's Bertil: an income-support application decided, payment planned. */
const BERTIL = '196408233234';
const COLLECT = consoleDocument('CollectCallerIdentification');
const PERSON_VIEW = consoleDocument('PersonView');
const START = `mutation ($pn: String!) { startCallerIdentification(personalNumber: $pn) { id state } }`;

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
};

/** Four eyes (decision 0074): one admin grants agents level 2 in income support, another approves. */
async function openIncomeSupportToAgents(hub: TestHub): Promise<void> {
  const target = `{ targetKind: ROLE, targetKey: "agent", department: "${DEPARTMENT}" }`;
  for (const [admin, verb] of [
    ['admin-adam', 'grantMandate'],
    ['admin-bea', 'approveMandateGrant'],
  ] as const) {
    const response = await hub.graphql(
      `mutation { ${verb}(target: ${target}, level: 2) { effective } }`,
      {},
      { token: await hub.token('admin', admin) },
    );
    if (response.errors) throw new Error(`${verb}: ${JSON.stringify(response.errors)}`);
  }
}

async function main(): Promise<void> {
  const sandbox = await startSandboxProcess(SANDBOX_PORT);
  await slowDepartments(sandbox, DEPARTMENTS, DELAY);
  const hub = await startHub({
    plugins: embeddedPlugins(sandbox, DEPARTMENTS, { timeoutMs: DELAY + 2000, cache: { ttlMs: 0 } }),
    bankId: { ...sandbox.bankIdConnection, timeoutMs: 2000 },
  });
  const bankId = new BankIdClient({ ...sandbox.bankIdConnection, timeoutMs: 2000 });
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const toPaint: number[] = [];
  const completing: number[] = [];
  const viaHub: number[] = [];
  const direct: number[] = [];
  try {
    await openIncomeSupportToAgents(hub);
    for (let round = -1; round < ROUNDS; round++) {
      const warmUp = round < 0;
      const token = await hub.token('agent', `agent-bench-${round + 1}`, 'Bench Agent');
      const call = async <T>(query: string, variables: Record<string, unknown>) => {
        const response = await hub.graphql<T>(query, variables, { token });
        if (response.errors) throw new Error(JSON.stringify(response.errors));
        return response.data!;
      };
      const { startCallerIdentification: started } = await call<{
        startCallerIdentification: { id: string; state: string };
      }>(START, { pn: BERTIL });
      const orders = await sandbox.bankIdOrders();
      const order = orders.filter((o) => o.personalNumber === BERTIL).at(-1)!;
      for (let poll = 0; poll < POLLS; poll++) {
        let t = performance.now();
        const pending = await call<{ collectCallerIdentification: { state: string } }>(COLLECT, {
          id: started.id,
        });
        if (!warmUp) viaHub.push(performance.now() - t);
        if (pending.collectCallerIdentification.state !== 'PENDING')
          throw new Error(`expected PENDING, got ${pending.collectCallerIdentification.state}`);
        t = performance.now();
        await bankId.collect(order.orderRef);
        if (!warmUp) direct.push(performance.now() - t);
      }
      await sandbox.bankIdCaller(order.orderRef, 'approve');
      // The sandbox's collect answers `complete` from here on.
      const t0 = performance.now();
      const done = await call<{ collectCallerIdentification: { state: string } }>(COLLECT, {
        id: started.id,
      });
      if (done.collectCallerIdentification.state !== 'COMPLETE')
        throw new Error(`expected COMPLETE, got ${done.collectCallerIdentification.state}`);
      const complete = performance.now() - t0;
      const view = await call<{ person: { statuses: { source: string }[] } }>(PERSON_VIEW, {
        personalNumber: BERTIL,
        since,
      });
      const elapsed = performance.now() - t0;
      if (!view.person.statuses.some((s) => s.source === 'income-support'))
        throw new Error(`no income-support matter after COMPLETE: ${JSON.stringify(view.person.statuses)}`);
      if (!warmUp) {
        toPaint.push(elapsed);
        completing.push(complete);
      }
    }
  } finally {
    await bankId.close();
    await hub.close();
    sandbox.close();
  }
  const paint = summary(toPaint);
  const collectComplete = summary(completing);
  const hubPoll = summary(viaHub);
  const directPoll = summary(direct);
  console.log(
    '| department delay ms | rounds | complete → matter readable p50 / p95 ms | of which the COMPLETE collect p50 / p95 ms | poll through the hub p50 / p95 ms | BankID collect direct p50 / p95 ms | added per poll p50 ms | load average |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  console.log(
    `| ${DELAY} | ${ROUNDS} | ${paint.p50.toFixed(0)} / ${paint.p95.toFixed(0)} | ${collectComplete.p50.toFixed(0)} / ${collectComplete.p95.toFixed(0)} | ${hubPoll.p50.toFixed(1)} / ${hubPoll.p95.toFixed(1)} | ${directPoll.p50.toFixed(1)} / ${directPoll.p95.toFixed(1)} | ${(hubPoll.p50 - directPoll.p50).toFixed(1)} | ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} |`,
  );
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
