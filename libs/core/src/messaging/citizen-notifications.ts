import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { JobQueue } from '@frontdoor/jobs';
import { ServiceCase } from '../cases/case.entities';
import { CitizenNotificationPreference } from '../e-services/open311-request.entity';
import { MailDeliveries } from '../mail/mail-deliveries';
import type { CitizenMessenger } from './citizen-messenger';

/** What the citizen is told of: their case was answered, is waiting for them, or was closed. */
export type CitizenNotice = 'ANSWERED' | 'WAITING' | 'CLOSED';

export const CITIZEN_NOTIFY_JOB = 'case.notify-citizen';

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

/**
 * Tells the citizen, through the one messaging port, that something happened in their case
 * (run as a job, queued in the same transaction as the change). Their own preference
 * decides: none saved, e-mail to the address on the case; `NONE`, nothing; `EMAIL` with an
 * address, there. A case without a way to reach them is skipped (and logged).
 */
export class CitizenNotifications {
  private readonly logger = new Logger('CitizenNotifications');
  private readonly deliveries: MailDeliveries;

  constructor(
    private readonly dataSource: DataSource,
    private readonly messenger: CitizenMessenger,
    /** The citizen page (Mina ärenden), linked from every message. */
    private readonly pageUrl: string,
  ) {
    this.deliveries = new MailDeliveries(dataSource);
  }

  /** The job's id names the message, so a job run again does not message twice (decision 0023). */
  register(queue: JobQueue): void {
    queue.process<CitizenNoticePayload>(CITIZEN_NOTIFY_JOB, (job) => this.notify(job.payload, job.id));
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
    const address = preference?.email ?? serviceCase.contactEmail;
    if (!address) {
      this.logger.log({ case: serviceCase.reference, notice }, 'citizen not notified: no e-mail address');
      return;
    }
    const words = WORDS[notice];
    await this.deliveries.deliverOnce(deliveryKey, () =>
      this.messenger.send({
        channel: 'email',
        deliveryKey,
        address,
        subject: words.subject,
        text: `Hej!\n\n${words.text.replace('{ref}', serviceCase.reference)}\n${this.pageUrl}\n\nDet här meddelandet går inte att svara på.\n`,
      }),
    );
  }
}
