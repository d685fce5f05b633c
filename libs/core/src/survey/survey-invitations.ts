import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { JobQueue } from '@frontdoor/jobs';
import { ServiceCase } from '../cases/case.entities';
import { CitizenNotificationPreference } from '../e-services/open311-request.entity';
import { MailDeliveries } from '../mail/mail-deliveries';
import type { CitizenMessenger } from '../messaging/citizen-messenger';
import { SurveyInvitation } from './survey.entities';

export const SURVEY_INVITE_JOB = 'case.survey-invite';

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
 * Sends the one question of a case (SURVEY_INVITE_JOB), through the one messaging port, to
 * where the citizen's notices go: their preference (`NONE`: not asked), else the e-mail on the
 * case. The message holds the reference and the link, never the case's text. Sent once per
 * case (MailDeliveries): the token is drawn inside the send, so a send retried after a failure
 * goes out with a fresh token and the stored hash is always the one that went out.
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
  ) {
    this.deliveries = new MailDeliveries(dataSource, now);
  }

  register(queue: JobQueue): void {
    queue.process<SurveyInvitePayload>(SURVEY_INVITE_JOB, async (job) => {
      await this.invite(job.payload);
    });
  }

  async invite({ caseId }: SurveyInvitePayload): Promise<'sent' | 'already-sent' | 'not-asked'> {
    const serviceCase = await this.dataSource.getRepository(ServiceCase).findOneBy({ id: caseId });
    if (!serviceCase) return 'not-asked';
    const address = await this.addressFor(serviceCase);
    if (!address) {
      this.logger.log({ case: serviceCase.reference }, 'citizen not asked: no way to reach them by e-mail');
      return 'not-asked';
    }
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
    return this.deliveries.deliverOnce(`survey:${caseId}`, async () => {
      const token = randomBytes(32).toString('base64url');
      await invitations.update({ caseId }, { tokenHash: surveyTokenHash(token) });
      await this.messenger.send({
        channel: 'email',
        deliveryKey: `survey:${caseId}`,
        address,
        subject: 'Hur tyckte du att det gick?',
        text:
          `Hej!\n\nTack för att du kontaktade kommunen (ärende ${serviceCase.reference}). ` +
          `Hur nöjd är du med hur vi tog hand om det? Svara på en enda fråga här:\n` +
          `${this.surveyPageUrl}${token}\n\n` +
          `Länken gäller i ${SURVEY_VALID_DAYS} dagar och kan användas en gång. Ditt svar hjälper oss att bli bättre.\n` +
          `Det här meddelandet går inte att svara på.\n`,
      });
      await invitations.update({ caseId }, { sentAt: this.now(), sentBy: 'email' });
    });
  }

  private async addressFor(serviceCase: ServiceCase): Promise<string | null> {
    const preference = serviceCase.partyId
      ? await this.dataSource
          .getRepository(CitizenNotificationPreference)
          .findOneBy({ partyId: serviceCase.partyId })
      : null;
    if (preference?.channel === 'NONE') return null;
    return preference?.email ?? serviceCase.contactEmail ?? null;
  }
}
