#!/usr/bin/env node
// `npm start`: the embedded default. Starts the department sandbox (demo data), the demo
// OpenID Connect provider (tools/dev-issuer) and the gateway (SQLite file in ./data, trusting
// that provider and its own demo token issuer) on 127.0.0.1, and stops all on Ctrl-C.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');
const { seedDemoKnowledge } = require('./seed-demo-knowledge');
const { seedDemoGrants } = require('./seed-demo-grants');
const { seedDemoSpike } = require('./seed-demo-spike');

const root = path.resolve(__dirname, '../..');
const sandboxPort = process.env.SANDBOX_PORT || '4010';
const bankIdPort = process.env.SANDBOX_BANKID_PORT || '4011';
// The sandbox writes its BankID test certificates here at start; the gateway reads them.
const bankIdCertDir = process.env.SANDBOX_BANKID_CERT_DIR || path.join(root, 'data/bankid-sandbox');
const gatewayPort = process.env.PORT || '4000';
const issuerPort = process.env.DEV_ISSUER_PORT || '4020';
const issuerUrl = `http://127.0.0.1:${issuerPort}`;
const children = [];

function run(name, script, env, { typescript = true, nodeFlags = [] } = {}) {
  const child = spawn(
    process.execPath,
    [...nodeFlags, ...(typescript ? ['-r', '@swc-node/register'] : []), script],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const prefix = (line) => (line ? `[${name}] ${line}` : line);
  for (const stream of ['stdout', 'stderr']) {
    let rest = '';
    child[stream].on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines)
        (stream === 'stdout' ? process.stdout : process.stderr).write(prefix(line) + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[${name}] exited (${signal || code}); stopping.`);
    stop(code || 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

(async () => {
  // The agent console is served by the gateway at /console/ from its build (a few seconds, once,
  // before anything else runs: the build blocks this process).
  if (!existsSync(path.join(root, 'apps/agent-console/dist/index.html'))) {
    console.log('Building the agent console (apps/agent-console) …');
    const build = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', 'apps/agent-console'],
      { cwd: root, stdio: 'inherit' },
    );
    if (build.status !== 0) console.error('The agent console did not build; the hub starts without it.');
  }
  // The citizen page "Mina ärenden" at /mina-arenden/, built the same way.
  if (!existsSync(path.join(root, 'apps/citizen-web/dist/index.html'))) {
    console.log('Building the citizen page (apps/citizen-web) …');
    const build = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', 'apps/citizen-web'],
      { cwd: root, stdio: 'inherit' },
    );
    if (build.status !== 0) console.error('The citizen page did not build; the hub starts without it.');
  }
  run('sandbox', 'apps/dept-sandbox/src/main.ts', {
    SANDBOX_PORT: sandboxPort,
    SANDBOX_BANKID_PORT: bankIdPort,
    SANDBOX_BANKID_CERT_DIR: bankIdCertDir,
    // The demo caller approves BankID after a few seconds (0 or off: approve with the admin call).
    SANDBOX_BANKID_APPROVE_SECONDS: process.env.SANDBOX_BANKID_APPROVE_SECONDS || '6',
  });
  await waitFor(`http://127.0.0.1:${sandboxPort}/demo/people`, 30_000);
  run(
    'issuer',
    'tools/dev-issuer/src/server.js',
    {
      DEV_ISSUER_PORT: issuerPort,
      CONSOLE_REDIRECT_URIS: process.env.CONSOLE_REDIRECT_URIS || `http://127.0.0.1:${gatewayPort}/console/`,
      CITIZEN_REDIRECT_URIS:
        process.env.CITIZEN_REDIRECT_URIS || `http://127.0.0.1:${gatewayPort}/mina-arenden/`,
    },
    { typescript: false },
  );
  await waitFor(`${issuerUrl}/.well-known/openid-configuration`, 30_000);
  run(
    'gateway',
    'apps/gateway/src/main.ts',
    {
      PORT: gatewayPort,
      AUTH_OIDC_ISSUER: process.env.AUTH_OIDC_ISSUER || issuerUrl,
      FRONTDOOR_CONFIG: process.env.FRONTDOOR_CONFIG || 'config/embedded.json',
      CHILDCARE_BASE_URL: process.env.CHILDCARE_BASE_URL || `http://127.0.0.1:${sandboxPort}/childcare/`,
      HOMECARE_BASE_URL: process.env.HOMECARE_BASE_URL || `http://127.0.0.1:${sandboxPort}/homecare/`,
      CHILD_YOUTH_BASE_URL:
        process.env.CHILD_YOUTH_BASE_URL || `http://127.0.0.1:${sandboxPort}/child-youth/`,
      INVOICING_BASE_URL: process.env.INVOICING_BASE_URL || `http://127.0.0.1:${sandboxPort}/invoicing/`,
      PARKING_BASE_URL: process.env.PARKING_BASE_URL || `http://127.0.0.1:${sandboxPort}/parking/`,
      PERMITS_BASE_URL: process.env.PERMITS_BASE_URL || `http://127.0.0.1:${sandboxPort}/permits/`,
      REGISTER_BASE_URL: process.env.REGISTER_BASE_URL || `http://127.0.0.1:${sandboxPort}/register/`,
      SWIM_BASE_URL: process.env.SWIM_BASE_URL || `http://127.0.0.1:${sandboxPort}/swim/`,
      WASTE_BASE_URL: process.env.WASTE_BASE_URL || `http://127.0.0.1:${sandboxPort}/waste/`,
      WATER_BASE_URL: process.env.WATER_BASE_URL || `http://127.0.0.1:${sandboxPort}/water/`,
      SCHOOL_BASE_URL: process.env.SCHOOL_BASE_URL || `http://127.0.0.1:${sandboxPort}/school/`,
      CHIMNEY_SWEEP_BASE_URL:
        process.env.CHIMNEY_SWEEP_BASE_URL || `http://127.0.0.1:${sandboxPort}/chimney-sweep/`,
      INCOME_SUPPORT_BASE_URL:
        process.env.INCOME_SUPPORT_BASE_URL || `http://127.0.0.1:${sandboxPort}/income-support/`,
      BANKID_BASE_URL: process.env.BANKID_BASE_URL || `https://127.0.0.1:${bankIdPort}/rp/v6.0/`,
      BANKID_CLIENT_CERT: process.env.BANKID_CLIENT_CERT || path.join(bankIdCertDir, 'rp-client.pem'),
      BANKID_CLIENT_KEY: process.env.BANKID_CLIENT_KEY || path.join(bankIdCertDir, 'rp-client-key.pem'),
      BANKID_CA: process.env.BANKID_CA || path.join(bankIdCertDir, 'ca.pem'),
      SMTP_URL: process.env.SMTP_URL || 'smtp://127.0.0.1:4025',
      // Mail to kundtjanst@frontdoor.local on 127.0.0.1:2525 becomes a case (EMAIL_INBOUND=off: not).
      EMAIL_INBOUND: process.env.EMAIL_INBOUND || 'smtp',
      EMAIL_INBOUND_CATEGORY: process.env.EMAIL_INBOUND_CATEGORY || 'parkering',
      LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
      CITIZEN_PAGE_URL: process.env.CITIZEN_PAGE_URL || `http://127.0.0.1:${gatewayPort}/mina-arenden/`,
    },
    { nodeFlags: require('../../apps/gateway/node-flags.json') },
  );
  await waitFor(`http://127.0.0.1:${gatewayPort}/health/ready`, 60_000);
  // Demo data the README's walkthrough needs: knowledge articles for every category.
  await seedDemoKnowledge(`http://127.0.0.1:${gatewayPort}`).catch((error) =>
    console.error(`Demo knowledge articles not written: ${error.message}`),
  );
  // The socionomer's answer group in the secrecy departments, opened by two demo admins.
  await seedDemoGrants(`http://127.0.0.1:${gatewayPort}`).catch((error) =>
    console.error(`Demo grants in the secrecy departments not opened: ${error.message}`),
  );
  // A spike in one category today and the operating notice for it (issue 26's demo).
  await seedDemoSpike(`http://127.0.0.1:${gatewayPort}`).catch((error) =>
    console.error(`Demo spike and operating notice not seeded: ${error.message}`),
  );
  // The sandbox plays the telephony platform: calls arrive, wait, are answered or abandoned,
  // posted with its service-account token, so the console's live view (Alt+4) moves.
  if (process.env.DEMO_CALLS !== 'off') {
    await fetch(`http://127.0.0.1:${sandboxPort}/telephony/generator`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hubUrl: `http://127.0.0.1:${gatewayPort}` }),
    }).catch((error) => console.error(`Demo calls not started: ${error.message}`));
  }
  const emailIn =
    (process.env.EMAIL_INBOUND || 'smtp') === 'smtp'
      ? `\n  E-mail in       smtp://127.0.0.1:${process.env.EMAIL_INBOUND_SMTP_PORT || 2525} to kundtjanst@frontdoor.local (EMAIL_INBOUND=off stops it)`
      : '';
  console.log(`
Frontdoor is running (embedded default: SQLite in ./data, demo sign-in, department sandbox).
  Agent console   http://127.0.0.1:${gatewayPort}/console/  (open this and sign in)
  Mina ärenden    http://127.0.0.1:${gatewayPort}/mina-arenden/  (the citizen page; sign in as a citizen)
  GraphQL         http://127.0.0.1:${gatewayPort}/graphql
  Sign-in (OIDC)  ${issuerUrl}  (demo role picker; not for production)
  Demo people     http://127.0.0.1:${sandboxPort}/demo/people
  Caught e-mail   http://127.0.0.1:${sandboxPort}/demo/mail${emailIn}
  BankID (test)   https://127.0.0.1:${bankIdPort}/rp/v6.0/ (mutual TLS; the demo caller approves after a few seconds)
  Demo calls      the sandbox posts calls to /telephony/events (DEMO_CALLS=off stops them)
  Service results http://127.0.0.1:${gatewayPort}/service-results
  Health/metrics  http://127.0.0.1:${gatewayPort}/health/ready  http://127.0.0.1:${gatewayPort}/metrics
See README.md for a first query. Ctrl-C stops everything.`);
})().catch((error) => {
  console.error(`Frontdoor did not start: ${error.message}`);
  stop(1);
});
