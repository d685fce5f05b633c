/** What the last health check of a department system found. */
export interface HealthState {
  healthy: boolean;
  /** When it was checked (ms since epoch). */
  checkedAt: number;
  /** The health URL tried, as shown to people (no query, personal numbers masked). */
  url: string;
  /** Why it failed, when it did. */
  reason?: string;
}

/**
 * The department's own health endpoint, checked at boot, by the readiness probe and
 * whenever a 404 must be believed: "nothing here" is only taken from a system that answers
 * its health check (a wrong base URL answers 404 for everything, health included).
 * One check at a time; callers asking meanwhile share its result.
 */
export class DepartmentHealth {
  private last?: HealthState;
  private running?: Promise<HealthState>;

  constructor(
    private readonly probe: (signal: AbortSignal) => Promise<void>,
    readonly url: string,
    private readonly maxAgeMs: number,
    private readonly now: () => number,
  ) {}

  get state(): HealthState | undefined {
    return this.last;
  }

  check(signal: AbortSignal): Promise<HealthState> {
    this.running ??= this.probe(signal)
      .then(
        (): HealthState => ({ healthy: true, checkedAt: this.now(), url: this.url }),
        (error: unknown): HealthState => ({
          healthy: false,
          checkedAt: this.now(),
          url: this.url,
          reason: (error as Error)?.message ?? String(error),
        }),
      )
      .then((state) => (this.last = state))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** A passed check no older than `maxAgeMs`, or a new one now. */
  async vouch(signal: AbortSignal): Promise<HealthState> {
    const last = this.last;
    if (last?.healthy && this.now() - last.checkedAt <= this.maxAgeMs) return last;
    return this.check(signal);
  }
}
