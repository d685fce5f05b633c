import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { JobQueue } from '@frontdoor/jobs';
import { ServiceCase } from '../cases/case.entities';
import { CitizenNotificationPreference } from '../e-services/open311-request.entity';
import { MailDeliveries, MailDeliveryInProgress } from '../mail/mail-deliveries';
import { Party } from '../people/party.entity';
import type { CitizenMessenger, MessageChannel, MessageReceipt } from './citizen-messenger';
import { CitizenMessageRecords } from './citizen-message-records';
import type { CitizenMessageRecord } from './citizen-message.entity';
import { MessageRefused } from './message-errors';
import { messageRoutes, type MessageRoute } from './message-routes';

/** What the citizen is told of: their case was answered, is waiting for them, or was closed. */
export type CitizenNotice = 'ANSWERED' | 'WAITING' | 'CLOSED';

export const CITIZEN_NOTIFY_JOB = 'case.notify-citizen';
/** Asks the SMS provider whether a text was delivered (its delivery report). */
export const SMS_STATUS_JOB = 'citizen-message.sms-status';

/**
 * Tries of one notice job: enough for the tries on each channel before its fallback
 * (attemptsBeforeFallback, default 3, on up to three channels) and a few for a busy claim.
 */
export const CITIZEN_NOTIFY_ATTEMPTS = 12;

export interface CitizenNoticePayload {
  caseId: string;
  notice: CitizenNotice;
}

/** The words: a reference and where to read, never the case's text (a mail can be read by anyone holding the mailbox). */
const WORDS: Record<CitizenNotice, { subject: string; text: string }> = {
  ANSWERED: {
    subject: 'Du har fått svar från kommunen',
    text: 'Det finns ett svar på ditt ärende {ref}. Logga in på Mina ärenden för att läsa det:',
  },
  WAITING: {
    subject: 'Kommunen behöver mer från dig',
    text: 'Vi behöver mer från dig för att kunna fortsätta med ärende {ref}. Logga in på Mina ärenden för att se vad:',
  },
  CLOSED: {
    subject: 'Ditt ärende är avslutat',
    text: 'Ärende {ref} är avslutat. Logga in på Mina ärenden för att läsa hur det slutade:',
  },
};

export interface CitizenNotificationsOptions {
  /** Whether this hub has an adapter for the channel (SMS and the mailbox are configured, or not). */
  available?: (channel: MessageChannel) => boolean;
  /** Failed tries on one channel (its provider down) before the next is used. */
  attemptsBeforeFallback?: number;
  /** Reading the SMS provider's delivery reports, that long after a text was sent. */
  smsStatus?: { check(providerId: string): Promise<string>; afterMs: number };
  now?: () => Date;
}

/**
 * Tells the citizen, through the one messaging port, that something happened in their case
 * (run as a job, queued in the same transaction as the change). Their own preference
 * decides the channel (`NONE`: nothing); a provider that fails is retried with the queue's
 * backoff, and after `attemptsBeforeFallback` tries, or at once when it refuses (no mailbox,
 * a number it cannot reach), the next channel is used: at the end, a letter is needed
 * (decision 0083). Each channel's send is claimed once (decision 0023), and the delivery
 * status is kept per message (`citizen_message`).
 */
export class CitizenNotifications {
  private readonly logger = new Logger('CitizenNotifications');
  private readonly deliveries: MailDeliveries;
  private readonly records: CitizenMessageRecords;
  private readonly available: (channel: MessageChannel) => boolean;
  private readonly attemptsBeforeFallback: number;
  private readonly now: () => Date;
  private queue?: JobQueue;

  constructor(
    private readonly dataSource: DataSource,
    private readonly messenger: CitizenMessenger,
    /** The citizen page (Mina ärenden), linked from every message. */
    private readonly pageUrl: string,
    private readonly options: CitizenNotificationsOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.deliveries = new MailDeliveries(dataSource, options.now);
    this.records = new CitizenMessageRecords(dataSource, options.now);
    this.available = options.available ?? ((channel) => channel === 'email');
    this.attemptsBeforeFallback = options.attemptsBeforeFallback ?? 3;
  }

  /** The job's id names the message, so a job run again does not message twice (decision 0023). */
  register(queue: JobQueue): void {
    this.queue = queue;
    queue.process<CitizenNoticePayload>(CITIZEN_NOTIFY_JOB, (job) => this.notify(job.payload, job.id));
    queue.process<{ key: string }>(SMS_STATUS_JOB, (job) => this.checkSms(job.payload.key));
  }

  /**
   * The SMS provider's delivery report for a sent text: delivered, the status says so; failed
   * (the operator could not deliver it), the notice goes on with the next channel; not known
   * yet, the job is tried again later (the queue's backoff).
   */
  async checkSms(key: string): Promise<void> {
    const record = await this.records.find(key);
    const smsStatus = this.options.smsStatus;
    if (!record || !smsStatus) return;
    const notice = { caseId: record.caseId, notice: record.notice as CitizenNotice };
    // Put back in the queue by an earlier run of this job: this job carries the notice on (retries included).
    if (record.status === 'QUEUED') return this.notify(notice, key);
    if (record.status !== 'SENT' || record.channel !== 'sms' || !record.providerId) return;
    const status = await smsStatus.check(record.providerId);
    if (status === 'delivered') return this.records.delivered(record);
    if (status !== 'failed') throw new Error(`no delivery report yet for text ${record.providerId}`);
    await this.records.undelivered(
      record,
      this.attemptsBeforeFallback,
      'the operator could not deliver the text',
    );
    await this.notify(notice, key);
  }

  async notify({ caseId, notice }: CitizenNoticePayload, deliveryKey: string): Promise<void> {
    const serviceCase = await this.dataSource.getRepository(ServiceCase).findOneBy({ id: caseId });
    if (!serviceCase) return;
    const preference = serviceCase.partyId
      ? await this.dataSource
          .getRepository(CitizenNotificationPreference)
          .findOneBy({ partyId: serviceCase.partyId })
      : null;
    if (preference?.channel === 'NONE') return;
    const record = await this.records.open(deliveryKey, caseId, notice);
    // Sent, delivered or given up on by an earlier run: nothing more to do.
    if (record.status !== 'QUEUED') return;
    const party = serviceCase.partyId
      ? await this.dataSource.getRepository(Party).findOneBy({ id: serviceCase.partyId })
      : null;
    const routes = messageRoutes(
      {
        preferred: preference?.channel ?? null,
        preferenceEmail: preference?.email ?? null,
        preferencePhone: preference?.phone ?? null,
        caseEmail: serviceCase.contactEmail,
        casePhone: serviceCase.contactPhone,
        personalNumber: party?.personalNumber ?? null,
      },
      this.available,
    );
    const from = Math.max(
      0,
      routes.findIndex((route) => route.channel === record.channel),
    );
    const words = WORDS[notice];
    const line = words.text.replace('{ref}', serviceCase.reference);
    for (const route of routes.slice(from)) {
      // A channel whose tries are used up (a text reported undelivered) is passed over.
      if (record.channel === route.channel && record.attempts >= this.attemptsBeforeFallback) continue;
      if (record.channel !== route.channel) await this.records.moveTo(record, route.channel);
      try {
        await this.sendOnce(record, route, deliveryKey, words.subject, line);
        return;
      } catch (error) {
        // Another worker is sending this very message: the job comes back later.
        if (error instanceof MailDeliveryInProgress) throw error;
        await this.records.failedTry(record, error);
        if (!(error instanceof MessageRefused) && record.attempts < this.attemptsBeforeFallback) throw error;
        this.logger.warn(
          { case: serviceCase.reference, notice, channel: route.channel, error: record.lastError },
          'citizen message: trying the next channel',
        );
      }
    }
    const letterNeeded = party !== null;
    await this.records.exhausted(record, letterNeeded, routes.length ? null : 'no way to reach the citizen');
    this.logger.warn(
      { case: serviceCase.reference, notice, letterNeeded },
      letterNeeded ? 'citizen message: a letter is needed' : 'citizen not notified: no way to reach them',
    );
  }

  /**
   * One channel's send, claimed once across workers and re-runs (the e-mail's claim keeps the
   * job's own key, as before; the other channels' add the channel, so a fallback is a new send).
   */
  private async sendOnce(
    record: CitizenMessageRecord,
    route: MessageRoute,
    deliveryKey: string,
    subject: string,
    line: string,
  ): Promise<void> {
    const channelKey = route.channel === 'email' ? deliveryKey : `${deliveryKey}:${route.channel}`;
    let receipt: MessageReceipt | void = undefined;
    await this.deliveries.deliverOnce(channelKey, async () => {
      receipt = await this.messenger.send({
        channel: route.channel,
        deliveryKey: channelKey,
        address: route.address,
        subject,
        text:
          route.channel === 'sms'
            ? `${line} ${this.pageUrl}`
            : `Hej!\n\n${line}\n${this.pageUrl}\n\nDet här meddelandet går inte att svara på.\n`,
      });
    });
    await this.records.sent(record, receipt);
    if (route.channel === 'sms' && record.status === 'SENT' && this.options.smsStatus && this.queue)
      await this.queue.add(
        SMS_STATUS_JOB,
        { key: record.key },
        {
          jobId: `${SMS_STATUS_JOB}:${record.key}`,
          runAt: new Date(this.now().getTime() + this.options.smsStatus.afterMs),
          attempts: 8,
        },
      );
  }
}
