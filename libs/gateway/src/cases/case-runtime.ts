import {
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  applyCaseSetup,
  CaseDigests,
  CaseNotifications,
  CaseService,
  CitizenNotifications,
  EmailCitizenMessenger,
  Mailer,
  rollUpStatistics,
  StatisticsRollupJob,
  type CaseSetup,
  type MailMessage,
  type ServiceTargets,
} from '@frontdoor/core';
import type { JobQueue } from '@frontdoor/jobs';

/** Sends nothing, logs what it would send: the embedded default without an SMTP server. */
export class LoggingMailer {
  private readonly logger = new Logger('Mail');
  async send(message: MailMessage): Promise<void> {
    this.logger.log({ to: message.to, subject: message.subject }, 'mail not sent (no SMTP_URL)');
  }
  close(): void {}
}

/**
 * The case chain's moving parts for this process: the configured categories and groups
 * are written at start; when this process runs jobs, the notification and digest processors
 * are registered, the queue started and the next digests queued, and the statistics roll-up
 * (decision 0042) scheduled every few minutes.
 */
export class CaseRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Statistics');

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly mailer: Mailer | LoggingMailer,
    private readonly setup: CaseSetup,
    private readonly targets: ServiceTargets,
    private readonly runJobs: boolean,
    private readonly now: () => Date,
    /** The citizen page linked from citizens' notifications. */
    private readonly citizenPageUrl: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await applyCaseSetup(this.dataSource, this.setup);
    if (!this.runJobs) return;
    new CaseNotifications(this.dataSource, this.mailer as Mailer, this.now).register(this.queue);
    new CitizenNotifications(
      this.dataSource,
      new EmailCitizenMessenger(this.mailer),
      this.citizenPageUrl,
    ).register(this.queue);
    new CaseService(this.dataSource, this.queue, this.now).registerWakeUps(this.queue);
    const digests = new CaseDigests(this.dataSource, this.mailer as Mailer, this.targets, this.now);
    digests.register(this.queue);
    const rollup = new StatisticsRollupJob(
      () => rollUpStatistics(this.dataSource, this.now()),
      (days) =>
        this.logger.log({ days: days.length, first: days[0], last: days.at(-1) }, 'statistics rolled up'),
    );
    rollup.register(this.queue);
    await this.queue.start();
    await digests.schedule(this.queue);
    await rollup.schedule(this.queue);
  }

  /**
   * Before any module's onApplicationShutdown, so before TypeORM closes the database: the
   * queue stops polling and its running jobs finish while their connection is still there.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }

  onApplicationShutdown(): void {
    this.mailer.close();
  }
}
