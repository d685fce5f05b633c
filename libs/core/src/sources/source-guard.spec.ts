import { getEventListeners } from 'node:events';
import { BrokenCircuitError, TaskCancelledError } from 'cockatiel';
import { SourceGuard } from './source-guard';
import type { LoadedPlugin } from './plugin-loader';

// cockatiel's process-wide parent signal for calls given none (dist/common/abort.js). Read here
// to show that the guard's calls no longer hang on it; if cockatiel moves it, this import fails
// loudly rather than the test passing for nothing.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { neverAbortedSignal } = require('cockatiel/dist/common/abort') as { neverAbortedSignal: AbortSignal };

const plugin = (id: string, timeoutMs = 1_000) =>
  ({
    id,
    department: id,
    settings: { timeoutMs, breaker: { consecutiveFailures: 5, halfOpenAfterMs: 10_000 } },
  }) as unknown as LoadedPlugin;

describe('SourceGuard', () => {
  it('asks many departments at once without hanging every call on one shared signal (Node warned past ten)', async () => {
    const guards = Array.from({ length: 15 }, (_, i) => new SourceGuard(plugin(`department-${i}`)));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    // Every call in flight at the same time, as when one person read asks every department.
    const calls = guards.map((guard) =>
      guard.run(async (signal) => {
        started++;
        await held;
        return signal.aborted;
      }),
    );
    while (started < guards.length) await new Promise((resolve) => setImmediate(resolve));
    expect(getEventListeners(neverAbortedSignal, 'abort')).toHaveLength(0);
    release();
    expect(await Promise.all(calls)).toEqual(guards.map(() => false));
  });

  it('gives the call a signal that aborts at the deadline, and answers the caller then', async () => {
    const guard = new SourceGuard(plugin('slow', 20));
    let seen: AbortSignal | undefined;
    await expect(
      guard.run((signal) => {
        seen = signal;
        return new Promise<never>(() => undefined); // a plugin that never answers
      }),
    ).rejects.toThrow(/timed out/);
    expect(seen?.aborted).toBe(true);
  });

  it('pauses a department after consecutive timeouts: the next call is refused without being run', async () => {
    const guard = new SourceGuard(plugin('hanging', 5));
    for (let i = 0; i < 5; i++)
      await expect(guard.run(() => new Promise<never>(() => undefined))).rejects.toBeInstanceOf(
        TaskCancelledError,
      );
    let ran = false;
    await expect(
      guard.run(async () => {
        ran = true;
        return 'answer';
      }),
    ).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(ran).toBe(false);
  });

  it('passes on what the call answered or threw, and a call that throws at once stops the deadline', async () => {
    // Fake timers only to count them: a finished call must leave no deadline timer behind.
    jest.useFakeTimers();
    try {
      const guard = new SourceGuard(plugin('quick', 1_000));
      expect(await guard.run(async () => 42)).toBe(42);
      const failure = new Error('department said no');
      await expect(guard.run(() => Promise.reject(failure))).rejects.toBe(failure);
      await expect(
        guard.run(() => {
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
