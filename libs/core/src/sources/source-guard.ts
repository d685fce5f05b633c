import {
  ConsecutiveBreaker,
  TaskCancelledError,
  circuitBreaker,
  handleAll,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { LoadedPlugin } from './plugin-loader';

/**
 * The deadline and circuit breaker around every call to one department system.
 * The breaker wraps the deadline so a department that keeps timing out is paused
 * instead of holding every agent's request for the full deadline.
 */
export class SourceGuard {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly timeoutMs: number;

  constructor(readonly plugin: LoadedPlugin) {
    const { timeoutMs, breaker } = plugin.settings;
    this.timeoutMs = timeoutMs;
    this.breaker = circuitBreaker(handleAll, {
      halfOpenAfter: breaker.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(breaker.consecutiveFailures),
    });
  }

  run<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.breaker.execute(() => withinDeadline(this.timeoutMs, call));
  }
}

/**
 * Runs `call` with a signal that aborts at the deadline, and answers the caller then even if
 * the call ignores the signal (a plugin that never returns holds no agent). A finished call's
 * signal is left as it is: plugins read the whole answer before returning.
 *
 * Not cockatiel's timeout policy: it derives a second controller from a parent signal, adds
 * listeners and an event emitter, and wraps the call in its executor's result objects: 18–23 µs
 * a call against 7 µs this way (a micro-bench, docs/performance.md "Issue 26a: the Node line"),
 * paid by each of an overview's ten department calls. Its TaskCancelledError is kept, so a
 * timeout is told apart as before (source-failure.ts).
 */
async function withinDeadline<T>(timeoutMs: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TaskCancelledError(`Operation timed out after ${timeoutMs}ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([call(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
