/**
 * From ANSWERED to the caller's matters painted in the agent console (issue 15), with the
 * departments asked ahead while the caller waits (telephony.prefetchOnOffer) and without.
 * Two hubs (prefetch on, off) against one sandbox whose department systems answer slowly
 * (`--delay` ms each, as over a municipality's network), one Chromium page signed in as the
 * demo agent per hub. Each round: OFFERED with a demo person's IVR number, the caller waits
 * `--queue` ms, then ANSWERED; the clock runs from posting ANSWERED until the person's matters
 * are on screen, the agent pressing Alt+P as soon as the call shows.
 *
 *   node -r @swc-node/register tools/bench/src/screen-pop-bench.ts [--rounds 5] [--delay 800] [--queue 3000]
 *
 * Measures, never asserts: numbers go to docs/performance.md.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { DEMO_PEOPLE } from '@frontdoor/dept-sandbox';
import {
  allPluginsWithRegister,
  postCallEvent,
  startHub,
  startSandbox,
  type TestHub,
} from '@frontdoor/testing';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 5);
const DELAY = arg('delay', 800);
const QUEUE = arg('queue', 3000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '../../..');

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'apps/agent-console/dist/index.html')))
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'apps/agent-console'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
  const sandbox = await startSandbox();
  for (const system of ['childcare', 'invoicing', 'permits', 'waste'] as const)
    await sandbox.setFault({ system, mode: 'slow', delayMs: DELAY });
  const hubs: [string, TestHub][] = [];
  for (const prefetchOnOffer of [true, false]) {
    const plugins = allPluginsWithRegister(sandbox);
    for (const settings of Object.values(plugins) as Record<string, unknown>[])
      Object.assign(settings, { timeoutMs: DELAY + 2000, cache: { ttlMs: 60_000, staleIfErrorMs: 60_000 } });
    const hub = await startHub({
      sandbox,
      plugins,
      auth: { serviceAccounts: { 'telephony-platform': { operations: ['telephonyEvents'] } } },
      telephony: { prefetchOnOffer },
    });
    hubs.push([prefetchOnOffer ? 'asked ahead' : 'asked on open', hub]);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const people = DEMO_PEOPLE.filter(
    (p) => !p.tags.includes('protected-identity') && !p.tags.includes('no-matters'),
  ).map((p) => p.personalNumber);
  try {
    for (const [label, hub] of hubs) {
      const prefetch = label === 'asked ahead';
      const page: Page = await browser.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto(`${hub.url}/console/`);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.locator('[data-user="agent-anna"]').click();
      await page.getByTestId('signed-in-as').waitFor();
      await new Promise((resolve) => setTimeout(resolve, 1000)); // the subscription connects
      const platform = await hub.token('service', 'telephony-platform');
      const times: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const pn = people[round % people.length];
        const callId = `pop-${prefetch ? 'on' : 'off'}-${round}`;
        const base = { callId, queue: 'kundtjanst', from: '070-123 45 67', to: '0920-45 30 00' };
        await postCallEvent(hub.url, platform, {
          ...base,
          event: 'OFFERED',
          at: new Date().toISOString(),
          ivrPersonalNumber: pn,
        });
        await new Promise((resolve) => setTimeout(resolve, QUEUE));
        const t0 = performance.now();
        await postCallEvent(hub.url, platform, {
          ...base,
          event: 'ANSWERED',
          at: new Date().toISOString(),
          agentId: 'agent-anna',
        });
        await page.getByTestId('call-banner').waitFor();
        await page.keyboard.press('Alt+KeyP');
        // Painted: the person view with its table of matters from every department.
        await page.getByTestId('person-view').locator('table.statuses tbody tr').first().waitFor();
        times.push(performance.now() - t0);
        await page.getByRole('button', { name: 'Samtalet är slut' }).click();
        await page.keyboard.press('Alt+Digit1');
      }
      times.sort((a, b) => a - b);
      console.log(
        `| ${label} | ${DELAY} | ${QUEUE} | ${times.map((t) => t.toFixed(0)).join(', ')} | ${times[Math.floor(times.length / 2)].toFixed(0)} | ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} |`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    for (const [, hub] of hubs) await hub.close();
    await sandbox.close();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
