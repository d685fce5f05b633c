import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { HubConfig } from '@frontdoor/config';
import {
  AvoidableContactsDigest,
  answeringPluginByCategory,
  CaseDigests,
  CaseNotifications,
  CaseService,
  createCaseChain,
  ChannelMessenger,
  CitizenNotifications,
  DigitalMailboxMessenger,
  EmailCitizenMessenger,
  EmailSending,
  SmsMessenger,
  RetentionJob,
  rollUpStatistics,
  runRetention,
  StatisticsRollupJob,
  SurveyInvitations,
  SpikeAlerts,
  DEFAULT_SPIKE_RULE,
  type Mailer,
  type SpikeRecipient,
  type PluginJobScheduler,
} from '@frontdoor/core';
import type { JobQueue } from '@frontdoor/jobs';
import type { HubMailer } from './hub-mailer';
import { InboundMail } from './inbound-mail';
import { RetentionSource } from './retention-source';

export interface HubJobsOptions {
  /** `cases` gives the categories' answeredBy for the avoidable-contacts mail and the spikes' managers (none without it). */
  config: Pick<HubConfig, 'env' | 'serviceTargets' | 'retention' | 'messaging'> &
    Partial<Pick<HubConfig, 'cases' | 'notices'>>;
  dataSource: DataSource;
  queue: JobQueue;
  mailer: HubMailer;
  /** The hub's clock: alarms, digests, retention and the roll-up all read it. */
  now: () => Date;
  /** The configured plugins' recurring jobs. */
  pluginJobs: PluginJobScheduler;
}

/**
 * Every job the hub runs, registered in this one place for whichever process runs jobs: the
 * gateway with JOBS_IN_PROCESS (the embedded default) or the worker. A job added here runs
 * wherever jobs run. The case chain's (answer-group notifications and SLA alarms, citizen
 * notifications, wake-ups, digests), the case thread's outgoing mail and the inbound mail
 * listener (decision 0080), the statistics roll-up (decision 0042), retention
 * (decision 0041) and the plugins' recurring jobs (decision 0020).
 */
export class HubJobs {
  /** The case service wake-ups run on; a process without HTTP relays its outbox. */
  readonly cases: CaseService;
  private readonly notifications: CaseNotifications;
  private readonly citizenNotifications: CitizenNotifications;
  private readonly surveys: SurveyInvitations;
  private readonly spikes: SpikeAlerts;
  private readonly digests: CaseDigests;
  private readonly avoidableContacts: AvoidableContactsDigest;
  private readonly retentionSource: RetentionSource;
  private readonly retention: RetentionJob;
  private readonly rollup: StatisticsRollupJob;
  private readonly emailSending: EmailSending;
  /** Mail to the contact address (EMAIL_INBOUND), taken where jobs run. */
  readonly inboundMail: InboundMail;

  constructor(private readonly options: HubJobsOptions) {
    const { config, dataSource, queue, now } = options;
    // Core's mail jobs call only send(); the logging stand-in has it too.
    const mailer = options.mailer as Mailer;
    this.notifications = new CaseNotifications(dataSource, mailer, now);
    const { sms, digitalMailbox, attemptsBeforeFallback } = config.messaging;
    const smsMessenger = sms ? new SmsMessenger(sms) : undefined;
    const messenger = new ChannelMessenger({
      email: new EmailCitizenMessenger(mailer),
      ...(smsMessenger ? { sms: smsMessenger } : {}),
      ...(digitalMailbox ? { mailbox: new DigitalMailboxMessenger(digitalMailbox) } : {}),
    });
    this.citizenNotifications = new CitizenNotifications(dataSource, messenger, config.env.CITIZEN_PAGE_URL, {
      available: (channel) => messenger.has(channel),
      attemptsBeforeFallback,
      now,
      ...(smsMessenger && sms
        ? {
            smsStatus: { check: (id) => smsMessenger.deliveryStatus(id), afterMs: sms.deliveryReportAfterMs },
          }
        : {}),
    });
    this.surveys = new SurveyInvitations(dataSource, messenger, surveyPageUrl(config.env), now, {
      available: (channel) => messenger.has(channel),
      attemptsBeforeFallback,
    });
    this.spikes = new SpikeAlerts(
      dataSource,
      mailer,
      spikeRecipients(config.cases),
      config.notices?.spikes ?? DEFAULT_SPIKE_RULE,
      now,
    );
    this.cases = createCaseChain(dataSource, queue, now);
    this.emailSending = new EmailSending(dataSource, mailer, now);
    this.inboundMail = new InboundMail(config.env, dataSource, this.cases, now);
    this.digests = new CaseDigests(dataSource, mailer, config.serviceTargets, now);
    this.avoidableContacts = new AvoidableContactsDigest(
      dataSource,
      mailer,
      answeringPluginByCategory(config.cases ?? { categories: [] }),
      now,
    );
    this.retentionSource = new RetentionSource(dataSource, config.env.RETENTION_DATABASE_URL);
    const retentionLog = new Logger('Retention');
    this.retention = new RetentionJob(
      async () => runRetention(await this.retentionSource.get(), config.retention, now(), queue),
      now,
      (report) => retentionLog.log({ removed: report.removed }, 'retention run'),
    );
    const statisticsLog = new Logger('Statistics');
    this.rollup = new StatisticsRollupJob(
      () => rollUpStatistics(dataSource, now()),
      (days) =>
        statisticsLog.log({ days: days.length, first: days[0], last: days.at(-1) }, 'statistics rolled up'),
    );
  }

  /**
   * Registers every processor (before the queue starts, so no job arrives unprocessed), starts
   * the queue, then makes sure the recurring jobs are queued: idempotent however many
   * processes run jobs.
   */
  async start(): Promise<void> {
    const { queue, pluginJobs } = this.options;
    this.notifications.register(queue);
    this.citizenNotifications.register(queue);
    this.surveys.register(queue);
    this.spikes.register(queue);
    this.emailSending.register(queue);
    this.cases.registerWakeUps(queue);
    this.digests.register(queue);
    this.avoidableContacts.register(queue);
    this.retention.register(queue);
    this.rollup.register(queue);
    await pluginJobs.start(queue);
    await queue.start();
    await this.digests.schedule(queue);
    await this.spikes.schedule(queue);
    await this.avoidableContacts.schedule(queue);
    await this.retention.schedule(queue);
    await this.rollup.schedule(queue);
    await this.inboundMail.start();
  }

  /**
   * The queue takes no new job and the running ones finish (plugin runs too), then the
   * retention role's connection closes. Also for a process that never started: its queue
   * still holds a connection for adding jobs. The hub's database stays open for its owner.
   */
  async stop(): Promise<void> {
    await this.inboundMail.stop();
    await this.options.queue.stop();
    await this.options.pluginJobs.stop();
    await this.retentionSource.close();
  }
}

/** The survey page (`/enkat/`): SURVEY_PAGE_URL, else beside the citizen page on the same host. */
export function surveyPageUrl(env: Pick<HubConfig['env'], 'CITIZEN_PAGE_URL' | 'SURVEY_PAGE_URL'>): string {
  const url = env.SURVEY_PAGE_URL ?? new URL('/enkat/', env.CITIZEN_PAGE_URL).href;
  return url.endsWith('/') ? url : `${url}/`;
}

/** A category's spike goes to its answer group's manager, as the case setup names them. */
function spikeRecipients(cases: HubConfig['cases'] | undefined): SpikeRecipient {
  return (categoryKey) => {
    const category = cases?.categories.find((c) => c.key === categoryKey);
    const group = cases?.answerGroups.find((g) => g.key === category?.answerGroup);
    return group ? { name: group.manager.name, email: group.manager.email } : null;
  };
}
