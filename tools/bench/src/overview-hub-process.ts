/**
 * One hub of the overview bench in a process of its own (overview-departments-bench.ts starts
 * it with the gateway's production node flags): the plugins named in OVERVIEW_HUB_PLUGINS
 * against the sandbox at OVERVIEW_HUB_SANDBOX, cache off, deadline OVERVIEW_HUB_DEADLINE_MS.
 * Prints one line of JSON ({ url, token }) when it answers, and closes on SIGTERM.
 *
 * A process per hub, because two hubs in one process share one heap: each one's garbage
 * collections would walk the other's objects, and the flags that size the young generation
 * (decision 0043) would not be production's.
 */
import { startHub } from '@frontdoor/testing';
import { embeddedPlugins, type EmbeddedPluginId } from './embedded-departments';

async function main(): Promise<void> {
  const ids = (process.env.OVERVIEW_HUB_PLUGINS ?? '').split(',').filter(Boolean) as EmbeddedPluginId[];
  const sandbox = { url: process.env.OVERVIEW_HUB_SANDBOX ?? '' };
  const hub = await startHub({
    plugins: embeddedPlugins(sandbox, ids, {
      timeoutMs: Number(process.env.OVERVIEW_HUB_DEADLINE_MS ?? 1550),
      cache: { ttlMs: 0 },
    }),
    access: { identification: { requiredFor: { roles: [], answerGroups: [] } } },
    env: { RATE_LIMIT_PER_MINUTE: '1000000' },
  });
  if (ids.includes('income-support')) {
    // Opened to agents at level 2 with four eyes, without the caller's identification.
    const target = `{ targetKind: ROLE, targetKey: "agent", department: "Försörjningsstöd" }`;
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
  const token = await hub.token('agent', 'agent-anna');
  process.stdout.write(`${JSON.stringify({ url: hub.url, token })}\n`);
  process.once('SIGTERM', () => {
    void hub.close().finally(() => process.exit(0));
  });
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
