import type { DataSource } from 'typeorm';
import type { JobQueue } from '@frontdoor/jobs';
import type { Mailer } from '../mail/mailer';
import { MailDeliveries } from '../mail/mail-deliveries';
import { AnswerGroup } from '../cases/case.entities';
import { endOfStockholmDay, isWorkingDay, nextDay } from '../sla/swedish-calendar';
import { stockholmDate } from '../time/stockholm-date';
import { addDays } from './statistics-rollup';
import { avoidableContactsReport, previousMonth, type AvoidableContactsReport } from './contact-coverage';

/**
 * The avoidable-contacts report mailed to the managers on the first working day of each month,
 * 07:00 Swedish time (decision 0086), for the month before. Beside the monthly statistics mail
 * (case-digests.ts), which goes out on the 1st whatever the day: this one waits for a day
 * someone reads it. Scheduled with an id per date and sent through MailDeliveries with a key
 * per month, so retries, re-runs and several workers send it once.
 */
export const AVOIDABLE_CONTACTS_JOB = 'statistics.avoidable-contacts';

/** The first working day (Swedish calendar) of the month `date` falls in. */
export function firstWorkingDayOfMonth(date: string): string {
  let day = `${date.slice(0, 7)}-01`;
  while (!isWorkingDay(day)) day = nextDay(day);
  return day;
}

/** The next first-working-day-of-a-month 07:00 (Stockholm) after `now`. */
export function nextAvoidableContactsMail(now: Date): Date {
  for (let month = stockholmDate(now).slice(0, 7); ; month = addDays(`${month}-28`, 7).slice(0, 7)) {
    const day = firstWorkingDayOfMonth(`${month}-01`);
    const at = new Date(endOfStockholmDay(addDays(day, -1)).getTime() + 7 * 3_600_000);
    if (at > now) return at;
  }
}

export class AvoidableContactsDigest {
  private readonly deliveries: MailDeliveries;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Pick<Mailer, 'send'>,
    /** Category key → the department plugin that answers it (`answeredBy`). */
    private readonly answeredBy: ReadonlyMap<string, string>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.deliveries = new MailDeliveries(dataSource, now);
  }

  register(queue: JobQueue): void {
    queue.process(AVOIDABLE_CONTACTS_JOB, async () => {
      await this.sendForLastMonth();
      await this.schedule(queue);
    });
  }

  /** Makes sure the next mail is queued (idempotent). */
  async schedule(queue: JobQueue): Promise<void> {
    const at = nextAvoidableContactsMail(this.now());
    await queue.add(
      AVOIDABLE_CONTACTS_JOB,
      {},
      { jobId: `${AVOIDABLE_CONTACTS_JOB}:${at.toISOString()}`, runAt: at },
    );
  }

  /** Last month's report to every answer group's manager, once per month. */
  async sendForLastMonth(): Promise<void> {
    const month = previousMonth(stockholmDate(this.now()).slice(0, 7));
    const managers = [
      ...new Set((await this.dataSource.getRepository(AnswerGroup).find()).map((g) => g.manager.email)),
    ];
    if (!managers.length) return;
    const report = await avoidableContactsReport(this.dataSource, month, this.answeredBy);
    const key = `${AVOIDABLE_CONTACTS_JOB}:${month}`;
    await this.deliveries.deliverOnce(key, () =>
      this.mailer.send({
        to: managers,
        subject: `Undvikbara kontakter ${month}`,
        text: avoidableContactsText(report),
        deliveryKey: key,
      }),
    );
  }
}

const trend = (now: number, before: number) =>
  now === before ? 'oförändrat' : `${now > before ? '+' : '−'}${Math.abs(now - before)}`;

/** The mail's text: only categories and counts, never a case or a citizen. */
export function avoidableContactsText(report: AvoidableContactsReport): string {
  const lines = [
    `Undvikbara kontakter ${report.month}: statusfrågor i kategorier som ett verksamhetssystem besvarar (invånaren kunde ha läst svaret på Mina ärenden).`,
    `Totalt: ${report.totalContacts} kontakter, ${report.totalAgentMinutes} handläggarminuter (${report.previousMonth}: ${report.previousTotalContacts} kontakter, ${report.previousTotalAgentMinutes} minuter; ${trend(report.totalContacts, report.previousTotalContacts)}).`,
  ];
  if (!report.rows.length) lines.push('Inga undvikbara kontakter registrerades.');
  report.rows.forEach((r, i) =>
    lines.push(
      `${i + 1}. ${r.categoryName} (${r.answeredBy}): ${r.contacts} kontakter, ${r.agentMinutes} min` +
        (r.withoutCall ? `, varav ${r.withoutCall} utan samtal` : '') +
        ` (förra månaden ${r.previousContacts}; ${trend(r.contacts, r.previousContacts)})`,
    ),
  );
  lines.push(
    'Minuterna är samtalstiden för de samtal som kopplats till ärendena; kontakter utan samtal räknas utan minuter.',
  );
  return lines.join('\n');
}
