import {
  ConsecutiveBreaker,
  TimeoutStrategy,
  circuitBreaker,
  handleAll,
  timeout,
  wrap,
  type IPolicy,
} from 'cockatiel';
import type { LoadedPlugin } from './plugin-loader';

/**
 * The deadline and circuit breaker around every call to one department system.
 * The breaker wraps the timeout so a department that keeps timing out is paused
 * instead of holding every agent's request for the full deadline.
 */
export class SourceGuard {
  private readonly policy: IPolicy;

  constructor(readonly plugin: LoadedPlugin) {
    const { timeoutMs, breaker } = plugin.settings;
    // Aggressive: the caller gets its answer at the deadline even if the plugin ignores the signal.
    // Not aborted on return: plugins read the whole answer before returning, and aborting a
    // finished call only cost a DOMException per successful department call.
    const deadline = timeout(timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
    const breakerPolicy = circuitBreaker(handleAll, {
      halfOpenAfter: breaker.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(breaker.consecutiveFailures),
    });
    this.policy = wrap(breakerPolicy, deadline);
  }

  run<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    // A parent signal of the call's own: without one, cockatiel hangs every call's deadline on
    // one process-wide "never aborted" signal, and eleven departments asked at once passed
    // Node's limit of ten listeners (MaxListenersExceededWarning on every busy request).
    return this.policy.execute(({ signal }) => call(signal), new AbortController().signal);
  }
}
