#!/usr/bin/env node
// Latency of the all-four person overview against a running hub (`npm start`): the first
// (cold) request, then N sequential warm ones. Prints one markdown table. Loopback only.
//   node tools/bench/person-overview-latency.js [requests=200] [gateway=http://127.0.0.1:4000]
'use strict';
const requests = Number(process.argv[2] || 200);
const gateway = process.argv[3] || 'http://127.0.0.1:4000';
const QUERY = '{ person(personalNumber: "199001012385") { statuses { source reference state label dueDate nextStep } sources { plugin state } } }';

async function main() {
  const { token } = await (await fetch(`${gateway}/auth/dev-token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'agent', sub: 'bench' }),
  })).json();
  const ask = async () => {
    const started = process.hrtime.bigint();
    const response = await fetch(`${gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = await response.json();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const sources = new Set(body.data.person.statuses.map((s) => s.source));
    if (sources.size !== 4) throw new Error(`expected four departments, got ${[...sources]}`);
    return ms;
  };
  const cold = await ask();
  const warm = [];
  for (let i = 0; i < requests; i++) warm.push(await ask());
  warm.sort((a, b) => a - b);
  const pct = (p) => warm[Math.min(warm.length - 1, Math.floor((p / 100) * warm.length))].toFixed(1);
  console.log('| all-four person overview | ms |');
  console.log('|---|---|');
  console.log(`| cold (first request after start) | ${cold.toFixed(1)} |`);
  console.log(`| warm p50 (${requests} sequential) | ${pct(50)} |`);
  console.log(`| warm p99 | ${pct(99)} |`);
}
main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
