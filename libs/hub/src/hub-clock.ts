/**
 * The hub's clock: real time, shifted by an offset that only the development tools
 * (never production) can move, so a demo can show an SLA alarm without waiting three days.
 */
export class HubClock {
  private offsetMs = 0;

  constructor(private readonly base: () => number = Date.now) {}

  now = (): Date => new Date(this.base() + this.offsetMs);

  advance(ms: number): Date {
    this.offsetMs += ms;
    return this.now();
  }

  /** Back to real time: a demo's jump forward does not stay in force. */
  reset(): Date {
    this.offsetMs = 0;
    return this.now();
  }
}
