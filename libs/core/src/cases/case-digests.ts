import { LessThan, type DataSource } from 'typeorm';
import type { JobQueue } from '@frontdoor/jobs';
import type { Mailer } from '../mail/mailer';
import { endOfStockholmDay, nextDay } from '../sla/swedish-calendar';
import { serviceStatistics, type ServiceTargets } from '../statistics/service-statistics';
import { deadlineText, dueDateOf, workingDaysLeftText } from '../sla/deadline-text';
import { stockholmDate } from '../time/stockholm-date';
import { AnswerGroup, CaseCategory, ServiceCase } from './case.entities';
import { CaseStatus } from './case-vocabulary';

export const DIGEST_JOBS = {
  weeklyOverdue: 'case.weekly-overdue-digest',
  monthlyStatistics: 'case.monthly-statistics',
} as const;

/** 07:00 Swedish time on a calendar date: when digests go out, before the working day starts. */
function sevenInTheMorning(date: string): Date {
  const midnight = endOfStockholmDay(previousDay(date));
  return new Date(midnight.getTime() + 7 * 3_600_000);
}

function previousDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The next Monday 07:00 (Stockholm) after `now`. */
export function nextWeeklyDigest(now: Date): Date {
  for (let day = stockholmDate(now); ; day = nextDay(day)) {
    const at = sevenInTheMorning(day);
    if (new Date(`${day}T12:00:00Z`).getUTCDay() === 1 && at > now) return at;
  }
}

/** The 1st of the next month 07:00 (Stockholm) after `now`. */
export function nextMonthlyStatistics(now: Date): Date {
  for (let day = stockholmDate(now); ; day = nextDay(day)) {
    const at = sevenInTheMorning(day);
    if (day.endsWith('-01') && at > now) return at;
  }
}

/**
 * The recurring reports of the case chain: every Monday each answer group and its manager get
 * the group's overdue cases; on the 1st of each month the managers get last month's figures.
 * Each run schedules the next, with an id per date, so a retry or a second worker adds nothing twice.
 */
export class CaseDigests {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly targets: ServiceTargets,
    private readonly now: () => Date = () => new Date(),
  ) {}

  register(queue: JobQueue): void {
    queue.process(DIGEST_JOBS.weeklyOverdue, async () => {
      await this.sendWeeklyOverdue();
      await this.schedule(queue);
    });
    queue.process(DIGEST_JOBS.monthlyStatistics, async () => {
      await this.sendMonthlyStatistics();
      await this.schedule(queue);
    });
  }

  /** Makes sure the next digests are queued (idempotent). */
  async schedule(queue: JobQueue): Promise<void> {
    const weekly = nextWeeklyDigest(this.now());
    const monthly = nextMonthlyStatistics(this.now());
    await queue.add(
      DIGEST_JOBS.weeklyOverdue,
      {},
      { jobId: `${DIGEST_JOBS.weeklyOverdue}:${weekly.toISOString()}`, runAt: weekly },
    );
    await queue.add(
      DIGEST_JOBS.monthlyStatistics,
      {},
      { jobId: `${DIGEST_JOBS.monthlyStatistics}:${monthly.toISOString()}`, runAt: monthly },
    );
  }

  async sendWeeklyOverdue(): Promise<void> {
    const now = this.now();
    const categories = new Map(
      (await this.dataSource.getRepository(CaseCategory).find()).map((c) => [c.id, c]),
    );
    for (const group of await this.dataSource.getRepository(AnswerGroup).find()) {
      const overdue = await this.dataSource.getRepository(ServiceCase).find({
        where: { answerGroupId: group.id, status: CaseStatus.FORWARDED, dueAt: LessThan(now) },
        order: { dueAt: 'ASC' },
      });
      if (!overdue.length) continue;
      const lines = overdue.map((c) => {
        const officer =
          c.assigneeName ??
          group.members.find((m) => m.subject === c.assigneeSubject)?.name ??
          'ingen handläggare';
        const dueDate = dueDateOf(c.dueAt!);
        // Only references and categories: summaries of confidential cases never go by mail.
        return `- ${c.reference} (${categories.get(c.categoryId)?.name}), ${deadlineText(dueDate)} (${workingDaysLeftText(dueDate, stockholmDate(now))}), ${officer}`;
      });
      await this.mailer.send({
        to: [...new Set([group.notificationEmail, group.manager.email])],
        subject: `Försenade ärenden hos ${group.name}: ${overdue.length}`,
        text: [`Dessa ärenden är inte avslutade i tid (${stockholmDate(now)}):`, ...lines].join('\n'),
      });
    }
  }

  async sendMonthlyStatistics(): Promise<void> {
    const now = this.now();
    const lastDayOfPreviousMonth = previousDay(`${stockholmDate(now).slice(0, 7)}-01`);
    const from = `${lastDayOfPreviousMonth.slice(0, 7)}-01`;
    const stats = await serviceStatistics(this.dataSource, from, lastDayOfPreviousMonth, this.targets, now);
    const managers = [
      ...new Set((await this.dataSource.getRepository(AnswerGroup).find()).map((g) => g.manager.email)),
    ];
    const pct = (n: number) => `${(n * 100).toFixed(1).replace('.', ',')} %`;
    await this.mailer.send({
      to: managers,
      subject: `Servicestatistik ${from.slice(0, 7)}`,
      text: [
        `Kontakter: ${stats.contacts}`,
        `Lösta i första linjen: ${pct(stats.resolvedAtFirstLine.share)} (mål ${pct(stats.resolvedAtFirstLine.target)}, ${stats.resolvedAtFirstLine.meetsTarget ? 'uppfyllt' : 'ej uppfyllt'})`,
        `Besvarade i tid: ${pct(stats.answeredInTime.share)} av ${stats.answeredInTime.basis} avgjorda (mål ${pct(stats.answeredInTime.target)}, ${stats.answeredInTime.meetsTarget ? 'uppfyllt' : 'ej uppfyllt'}); ${stats.answeredInTime.pending} pågående`,
        'Största kategorier:',
        ...stats.categoryRanking.slice(0, 10).map((c) => `- ${c.name}: ${c.count} (${pct(c.share)})`),
      ].join('\n'),
    });
  }
}
