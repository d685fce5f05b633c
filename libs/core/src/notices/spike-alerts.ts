import type { DataSource } from 'typeorm';
import type { JobQueue } from '@frontdoor/jobs';
import { MailDeliveries } from '../mail/mail-deliveries';
import type { Mailer } from '../mail/mailer';
import { stockholmDate } from '../time/stockholm-date';
import { categorySpikes, type SpikeRule } from './category-spikes';

export const SPIKE_CHECK_JOB = 'notices.spike-check';

/** How often the spike check runs: often enough to warn before lunch, rarely enough to cost nothing. */
const CHECK_EVERY_MS = 15 * 60_000;

/** Who hears of a category's spike: its answer group's manager (from the case setup). */
export type SpikeRecipient = (categoryKey: string) => { name: string; email: string } | null;

/**
 * Tells a category's manager when its contacts spike (SPIKE_CHECK_JOB, every 15 minutes): once
 * per category and day (MailDeliveries), with the counts and the top words of today's
 * summaries, so they can publish an operating notice. Each run queues the next, with an id
 * per slot, so a second worker adds nothing twice.
 */
export class SpikeAlerts {
  private readonly deliveries: MailDeliveries;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Pick<Mailer, 'send'>,
    private readonly recipientOf: SpikeRecipient,
    private readonly rule: SpikeRule,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.deliveries = new MailDeliveries(dataSource, now);
  }

  register(queue: JobQueue): void {
    queue.process(SPIKE_CHECK_JOB, async () => {
      await this.check();
      await this.schedule(queue);
    });
  }

  async schedule(queue: JobQueue): Promise<void> {
    const next = new Date((Math.floor(this.now().getTime() / CHECK_EVERY_MS) + 1) * CHECK_EVERY_MS);
    await queue.add(SPIKE_CHECK_JOB, {}, { jobId: `${SPIKE_CHECK_JOB}:${next.toISOString()}`, runAt: next });
  }

  /** Mails the manager of each category spiking now that has not been told today; returns the categories told. */
  async check(): Promise<string[]> {
    const now = this.now();
    const day = stockholmDate(now);
    const told: string[] = [];
    for (const spike of await categorySpikes(this.dataSource, now, this.rule)) {
      if (!spike.spiking) continue;
      const recipient = this.recipientOf(spike.categoryKey);
      if (!recipient) continue;
      const outcome = await this.deliveries.deliverOnce(`spike:${spike.categoryKey}:${day}`, () =>
        this.mailer.send({
          to: [recipient.email],
          subject: `Många kontakter om ${spike.categoryName} i dag: ${spike.today}`,
          text: [
            `Hej ${recipient.name}!`,
            '',
            `I dag har ${spike.today} kontakter om ${spike.categoryName} registrerats. En vanlig ${weekday(now)} brukar det vara omkring ${spike.usualByNow} vid den här tiden.`,
            spike.topWords.length
              ? `Vanligaste orden i sammanfattningarna: ${spike.topWords.join(', ')}.`
              : '',
            '',
            'Om något har hänt: publicera ett driftmeddelande, så kan kontaktcenter läsa upp det, invånarna se det på Mina ärenden och telefonin hälsa med det.',
          ]
            .filter((line, i, lines) => line !== '' || lines[i - 1] !== '')
            .join('\n'),
        }),
      );
      if (outcome === 'sent') told.push(spike.categoryKey);
    }
    return told;
  }
}

const WEEKDAY = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', timeZone: 'Europe/Stockholm' });

/** "fredag": the Swedish weekday at `now`, as the deadlines' texts name it (Intl, not a table). */
function weekday(now: Date): string {
  return WEEKDAY.format(now);
}
