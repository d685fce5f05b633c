import type { MemoryHubEvents } from '@frontdoor/core';
import { HUB_EVENTS } from '@frontdoor/gateway';
import type { TestHub } from './test-hub';

/** How many subscriptions (`myCalls`) the hub holds for an agent's answered calls right now. */
export function callSubscribers(hub: TestHub, agent: string): number {
  return hub.app.get<MemoryHubEvents>(HUB_EVENTS).listeners(`call-answered:${agent}`);
}

/**
 * Waits, bounded, until the hub holds the agent's call subscriptions: one or more, or exactly
 * `count`. A call published before a console listens never reaches it, so a test posts its call
 * only once this has returned (no sleeping on a guess).
 */
export async function untilCallSubscribers(
  hub: TestHub,
  agent: string,
  { count, ms = 5000 }: { count?: number; ms?: number } = {},
): Promise<void> {
  const held = () => callSubscribers(hub, agent);
  const enough = () => (count === undefined ? held() > 0 : held() === count);
  const until = Date.now() + ms;
  while (!enough()) {
    if (Date.now() > until)
      throw new Error(
        `${agent}: ${held()} call subscriptions, not ${count ?? 'one or more'}, within ${ms} ms`,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
