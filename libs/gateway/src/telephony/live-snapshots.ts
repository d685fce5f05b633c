import type { HubEvents } from '@frontdoor/core';

/**
 * A subscription that answers each burst of notices on `topic` with one fresh snapshot: the
 * first right away (the screen has something to show), then, after notices, at most one per
 * `everyMs`. At 500 call events a second a wall screen gets a handful of updates, and the
 * database a handful of aggregate queries, not 500 of each.
 */
export function coalescedSnapshots<T>(
  events: HubEvents,
  topic: string,
  compute: () => Promise<T>,
  everyMs: number,
): AsyncIterableIterator<T> {
  let dirty = true;
  let done = false;
  let wake: (() => void) | undefined;
  const stopping = events.subscribe(topic, () => {
    dirty = true;
    wake?.();
  });
  let last = 0;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
    });
  const finish = async (): Promise<IteratorResult<T>> => {
    done = true;
    wake?.();
    await (
      await stopping
    )();
    return { value: undefined, done: true };
  };
  return {
    async next(): Promise<IteratorResult<T>> {
      await stopping;
      while (!done && !dirty) await new Promise<void>((resolve) => (wake = resolve));
      if (done) return { value: undefined, done: true };
      const since = Date.now() - last;
      if (last && since < everyMs) await pause(everyMs - since);
      if (done) return { value: undefined, done: true };
      dirty = false;
      last = Date.now();
      return { value: await compute(), done: false };
    },
    return: finish,
    throw: async (error: unknown) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
