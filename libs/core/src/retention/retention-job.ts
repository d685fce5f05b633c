import type { JobQueue } from '@frontdoor/jobs';
import { endOfStockholmDay, nextDay } from '../sla/swedish-calendar';
import { stockholmDate } from '../time/stockholm-date';
import { RETENTION_JOB, type RetentionReport } from './retention';

/** The next 02:00 Swedish time after `now`: the quietest hour of the contact center. */
export function nextRetentionRun(now: Date): Date {
  for (let day = stockholmDate(now); ; day = nextDay(day)) {
    const midnight = endOfStockholmDay(previousDay(day));
    const at = new Date(midnight.getTime() + 2 * 3_600_000);
    if (at > now) return at;
  }
}

function previousDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The nightly retention run on the job port: a plain handler (`run`, usually runRetention with
 * the retention role's data source) and its scheduling, one job id per night so a second
 * worker or a retry adds nothing twice. Kept this small so it moves easily to whatever way the
 * queue schedules recurring work.
 */
export class RetentionJob {
  constructor(
    private readonly run: () => Promise<RetentionReport>,
    private readonly now: () => Date = () => new Date(),
    private readonly log: (report: RetentionReport) => void = () => {},
  ) {}

  register(queue: JobQueue): void {
    queue.process(RETENTION_JOB, async () => {
      this.log(await this.run());
      await this.schedule(queue);
    });
  }

  async schedule(queue: JobQueue): Promise<void> {
    const at = nextRetentionRun(this.now());
    await queue.add(RETENTION_JOB, {}, { jobId: `${RETENTION_JOB}:${at.toISOString()}`, runAt: at });
  }
}
