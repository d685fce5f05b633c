/**
 * The top self-time functions of a V8 .cpuprofile (from `node --cpu-prof`, or BENCH_CPU_PROF=1),
 * with the package they live in, so a profile can be read without a browser.
 *   node -r @swc-node/register tools/bench/src/cpuprofile-top.ts tmp/bench/gateway.cpuprofile [30]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: cpuprofile-top <file.cpuprofile> [top=30]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
};
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
// Percentages of busy time: idle samples (waiting for the next request) are left out.
const idleIds = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
const total = [...selfUs].filter(([id]) => !idleIds.has(id)).reduce((a, [, us]) => a + us, 0);
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  if (idleIds.has(node.id)) continue;
  const us = selfUs.get(node.id) ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url
    .replace(/^file:\/\//, '')
    .replace(/.*\/node_modules\//, '')
    .replace(/.*\/(dist|work\/main)\//, '');
  const pkg = url.includes('node_modules/')
    ? (/node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? '?')
    : url.startsWith('node:') || !url
      ? url || '(native/gc)'
      : 'frontdoor';
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
}
const top = Number(topArg ?? 30);
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(`${(total / 1e6).toFixed(1)} s busy (idle left out)\n\nself time by package:`);
for (const [pkg, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`${pct(us)}  ${pkg}`);
console.log(`\ntop ${top} functions by self time:`);
for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(us)}  ${key}`);
