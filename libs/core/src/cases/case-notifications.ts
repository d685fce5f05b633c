import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { JobQueue } from '@frontdoor/jobs';
import { MailDeliveries } from '../mail/mail-deliveries';
import type { Mailer } from '../mail/mailer';
import { deadlineText, dueDateOf } from '../sla/deadline-text';
import { AnswerGroup, CaseCategory, CaseEvent, ServiceCase } from './case.entities';
import { CASE_JOBS, alarmJobId, type SlaAlarmPayload } from './case-jobs';
import { CaseEventType, CaseStatus } from './case-vocabulary';

/**
 * The case chain's e-mail, run as jobs: the answer group hears of a forwarded case; the
 * case officer (or the group) and the group's manager hear when it is still open at its
 * due time. Confidential cases (sekretess) never have their summary in a mail.
 */
/** "senast fredag 4 december 2026": the due instant is the midnight that ends the last day. */
const byWhen = (dueAt: Date) => deadlineText(dueDateOf(dueAt));

export class CaseNotifications {
  private readonly logger = new Logger('CaseNotifications');
  private readonly deliveries: MailDeliveries;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.deliveries = new MailDeliveries(dataSource, now);
  }

  /**
   * Registers the processors on a queue (in the process that runs jobs). A job's id names the
   * mail it owes (one per forwarding, one per due time), so a re-run job never mails twice.
   */
  register(queue: JobQueue): void {
    queue.process<{ caseId: string }>(CASE_JOBS.notifyGroup, (job) =>
      this.notifyGroup(job.payload.caseId, job.id),
    );
    queue.process<SlaAlarmPayload>(CASE_JOBS.slaAlarm, (job) => this.slaAlarm(job.payload));
  }

  async notifyGroup(caseId: string, deliveryKey: string): Promise<void> {
    const loaded = await this.load(caseId);
    if (!loaded?.group || loaded.serviceCase.status !== CaseStatus.FORWARDED) return;
    const { serviceCase, group, category } = loaded;
    await this.deliveries.deliverOnce(deliveryKey, () =>
      this.mailer.send({
        deliveryKey,
        to: [group.notificationEmail],
        subject: `Nytt ärende till ${group.name}: ${serviceCase.reference}`,
        text: [
          `Ärende ${serviceCase.reference} (${category.name}) har skickats till ${group.name}.`,
          this.summaryLine(serviceCase, category),
          `Ska vara besvarat ${byWhen(serviceCase.dueAt!)}.`,
        ].join('\n\n'),
      }),
    );
  }

  async slaAlarm(payload: SlaAlarmPayload): Promise<void> {
    const loaded = await this.load(payload.caseId);
    if (!loaded?.group) return;
    const { serviceCase, group, category } = loaded;
    // Closed since, or forwarded again with a new due time: this alarm is void.
    if (serviceCase.status === CaseStatus.CLOSED || serviceCase.dueAt?.toISOString() !== payload.dueAt)
      return;
    const officer = group.members.find((m) => m.subject === serviceCase.assigneeSubject);
    const recipients = [...new Set([officer?.email ?? group.notificationEmail, group.manager.email])];
    const deliveryKey = alarmJobId(serviceCase);
    const outcome = await this.deliveries.deliverOnce(
      deliveryKey,
      () =>
        this.mailer.send({
          deliveryKey,
          to: recipients,
          subject: `Försenat ärende ${serviceCase.reference}: inte avslutat inom ${category.slaWorkingDays} arbetsdagar`,
          text: [
            `Ärende ${serviceCase.reference} (${category.name}) hos ${group.name} skulle ha varit besvarat ${byWhen(serviceCase.dueAt!)} och är inte avslutat.`,
            serviceCase.assigneeName || officer
              ? `Handläggare: ${serviceCase.assigneeName ?? officer!.name}.`
              : 'Ingen handläggare har tagit ärendet.',
            this.summaryLine(serviceCase, category),
          ].join('\n\n'),
        }),
      // The case's own record that it was late: written with the claim, once per due time.
      (tx) =>
        tx
          .insert(CaseEvent, {
            id: randomUUID(),
            caseId: serviceCase.id,
            type: CaseEventType.SLA_ALARM,
            at: this.now(),
            actorSubject: 'frontdoor',
            actorName: null,
            message: `Inte avslutat ${byWhen(serviceCase.dueAt!)}.`,
            internal: true,
          })
          .then(() => undefined),
    );
    if (outcome === 'already-sent') return;
    this.logger.log(
      { case: serviceCase.reference, lateByMs: this.now().getTime() - Date.parse(payload.dueAt) },
      'SLA alarm sent',
    );
  }

  private summaryLine(serviceCase: ServiceCase, category: CaseCategory): string {
    return category.confidential
      ? 'Sekretessärende: logga in i Frontdoor för att läsa det.'
      : `Sammanfattning: ${serviceCase.summary}`;
  }

  private async load(caseId: string) {
    const serviceCase = await this.dataSource.getRepository(ServiceCase).findOneBy({ id: caseId });
    if (!serviceCase) return undefined;
    const category = await this.dataSource
      .getRepository(CaseCategory)
      .findOneByOrFail({ id: serviceCase.categoryId });
    const group = serviceCase.answerGroupId
      ? await this.dataSource.getRepository(AnswerGroup).findOneBy({ id: serviceCase.answerGroupId })
      : null;
    return { serviceCase, category, group };
  }
}
