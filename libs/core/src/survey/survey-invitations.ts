import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { IsNull, type DataSource } from 'typeorm';
import type { JobQueue } from '@frontdoor/jobs';
import { ServiceCase } from '../cases/case.entities';
import { CitizenNotificationPreference } from '../e-services/open311-request.entity';
import { MailDeliveries, MailDeliveryInProgress } from '../mail/mail-deliveries';
import { Party } from '../people/party.entity';
import type { CitizenMessenger, MessageChannel } from '../messaging/citizen-messenger';
import { MessageRefused } from '../messaging/message-errors';
import type { MessageRoute } from '../messaging/message-routes';
import { SurveyInvitation } from './survey.entities';
import { surveyRoutes } from './survey-routes';

export const SURVEY_INVITE_JOB = 'case.survey-invite';
/** Tries of one invitation job: the tries on each channel before the next (3) on up to three channels, and a few for a busy claim. */
export const SURVEY_INVITE_ATTEMPTS = 12;

export interface SurveyInvitePayload {
  caseId: string;
}

/** How long the link answers: two weeks, long enough for a letter-slow reader, short enough to matter. */
export const SURVEY_VALID_DAYS = 14;

/** The link's token: 32 random bytes, URL-safe. Only its hash is stored. */
export function surveyTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Sends the one question of a case (SURVEY_INVITE_JOB), through the one messaging port, by the
 * channel the citizen came in by (`surveyRoutes`, decision 0090): a text after a call to a
 * mobile number, e-mail after an e-mail, the citizen's preference after a web question. The
 * message holds the reference and the link, never the case's text. A provider down is retried
 * with the queue's backoff (the job throws); after `attemptsBeforeFallback` tries on a channel,
 * or at once when it refuses, the next channel is used. No way to reach the citizen: not asked,
 * and the reason is kept on the invitation. Sent once per case and channel (MailDeliveries):
 * the token is drawn inside the send, so a send retried after a failure goes out with a fresh
 * token and the stored hash is always the one that went out.
 */
export class SurveyInvitations {
  private readonly logger = new Logger('SurveyInvitations');
  private readonly deliveries: MailDeliveries;

  constructor(
    private readonly dataSource: DataSource,
    private readonly messenger: CitizenMessenger,
    /** Where the survey page is (the gateway's `/enkat/`), ending in a slash. */
    private readonly surveyPageUrl: string,
    private readonly now: () => Date = () => new Date(),
    private readonly options: {
      /** Whether this hub has an adapter for the channel (SMS and the mailbox are configured, or not). */
      available?: (channel: MessageChannel) => boolean;
      /** Failed tries on one channel (its provider down) before the next is used. */
      attemptsBeforeFallback?: number;
    } = {},
  ) {
    this.deliveries = new MailDeliveries(dataSource, now);
  }

  register(queue: JobQueue): void {
    queue.process<SurveyInvitePayload>(SURVEY_INVITE_JOB, async (job) => {
      await this.invite(job.payload, job.attempt);
    });
  }

  /** `attempt`: the job's try (1 on the first run), which says which channel's turn it is. */
  async invite({ caseId }: SurveyInvitePayload, attempt = 1): Promise<'sent' | 'already-sent' | 'not-asked'> {
    const serviceCase = await this.dataSource.getRepository(ServiceCase).findOneBy({ id: caseId });
    if (!serviceCase) return 'not-asked';
    const routes = await this.routesFor(serviceCase);
    const invitations = this.dataSource.getRepository(SurveyInvitation);
    const now = this.now();
    await invitations
      .createQueryBuilder()
      .insert()
      .values({
        id: randomUUID(),
        caseId,
        tokenHash: null,
        channel: serviceCase.channel,
        categoryId: serviceCase.categoryId,
        answerGroupId: serviceCase.answerGroupId,
        sentBy: null,
        notAskedReason: null,
        createdAt: now,
        sentAt: null,
        expiresAt: new Date(now.getTime() + SURVEY_VALID_DAYS * 86_400_000),
        answeredAt: null,
        score: null,
        comment: null,
        answeredDay: null,
      })
      .orIgnore()
      .execute();
    if (routes === 'declined' || routes.length === 0) {
      const reason =
        routes === 'declined'
          ? 'the citizen chose no messages'
          : 'no e-mail address or mobile number to reach the citizen';
      await invitations.update({ caseId, sentAt: IsNull() }, { notAskedReason: reason });
      this.logger.log({ case: serviceCase.reference, reason }, 'citizen not asked');
      return 'not-asked';
    }
    const perChannel = this.options.attemptsBeforeFallback ?? 3;
    const first = Math.min(Math.floor((attempt - 1) / perChannel), routes.length - 1);
    for (const [index, route] of routes.entries()) {
      if (index < first) continue;
      try {
        return await this.sendBy(serviceCase, route);
      } catch (error) {
        if (error instanceof MailDeliveryInProgress) throw error;
        const last = index === routes.length - 1;
        if (last || !(error instanceof MessageRefused)) throw error;
        this.logger.warn(
          { case: serviceCase.reference, channel: route.channel, error: String(error) },
          'survey: trying the next channel',
        );
      }
    }
    return 'not-asked';
  }

  private async sendBy(serviceCase: ServiceCase, route: MessageRoute): Promise<'sent' | 'already-sent'> {
    const caseId = serviceCase.id;
    const invitations = this.dataSource.getRepository(SurveyInvitation);
    // The e-mail keeps the key it always had (an invitation sent before this change is not sent again).
    const key = route.channel === 'email' ? `survey:${caseId}` : `survey:${caseId}:${route.channel}`;
    return this.deliveries.deliverOnce(key, async () => {
      const token = randomBytes(32).toString('base64url');
      await invitations.update({ caseId }, { tokenHash: surveyTokenHash(token) });
      const link = `${this.surveyPageUrl}${token}`;
      await this.messenger.send({
        channel: route.channel,
        deliveryKey: key,
        address: route.address,
        subject: 'Hur tyckte du att det gick?',
        text:
          route.channel === 'sms'
            ? `Hur tyckte du att kommunen tog hand om ärende ${serviceCase.reference}? Svara på en fråga: ${link}`
            : `Hej!\n\nTack för att du kontaktade kommunen (ärende ${serviceCase.reference}). ` +
              `Hur nöjd är du med hur vi tog hand om det? Svara på en enda fråga här:\n` +
              `${link}\n\n` +
              `Länken gäller i ${SURVEY_VALID_DAYS} dagar och kan användas en gång. Ditt svar hjälper oss att bli bättre.\n` +
              `Det här meddelandet går inte att svara på.\n`,
      });
      await invitations.update(
        { caseId },
        { sentAt: this.now(), sentBy: route.channel, notAskedReason: null },
      );
    });
  }

  private async routesFor(serviceCase: ServiceCase): Promise<MessageRoute[] | 'declined'> {
    const preference = serviceCase.partyId
      ? await this.dataSource
          .getRepository(CitizenNotificationPreference)
          .findOneBy({ partyId: serviceCase.partyId })
      : null;
    if (preference?.channel === 'NONE') return 'declined';
    const party = serviceCase.partyId
      ? await this.dataSource.getRepository(Party).findOneBy({ id: serviceCase.partyId })
      : null;
    return surveyRoutes(
      serviceCase.channel,
      {
        preferred: preference?.channel ?? null,
        preferenceEmail: preference?.email ?? null,
        preferencePhone: preference?.phone ?? null,
        caseEmail: serviceCase.contactEmail,
        casePhone: serviceCase.contactPhone,
        personalNumber: party?.personalNumber ?? null,
      },
      this.options.available ?? ((channel) => channel === 'email'),
    );
  }
}
