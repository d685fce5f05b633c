import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { badUserInput, TEXT_LIMITS, textProblem } from '../errors';
import { caseRuleBroken } from '../cases/case-errors';
import type { CaseService, CaseWriter } from '../cases/case.service';
import type { ServiceCase } from '../cases/case.entities';
import { messageIdOf } from '../mail/mailer';
import { EmailAttachment, EmailMessage } from './email-message.entities';
import { EMAIL_SEND_JOB, emailSendJobId, type EmailSendPayload } from './email-sending';

/** How many earlier Message-IDs an answer's `References` names (RFC 5322 allows trimming the middle). */
const MAX_REFERENCES = 20;

/** One mail of a case's thread as the console shows it, with its attachments' names and types. */
export interface ThreadMail extends EmailMessage {
  attachments: Omit<EmailAttachment, 'content'>[];
}

/**
 * Answers by e-mail from the case, and the thread as read on it. An answer is a reply to the
 * citizen (the case chain's rules decide who may: `replyDirectly`), and the mail it becomes is
 * written in the same transaction and sent by a job through the outbox, once: from the contact
 * address, the reference in the subject, threaded on the citizen's latest mail.
 */
export class EmailAnswers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseService,
    /** The contact address the citizen wrote to; answers come from it. */
    private readonly contactAddress: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async answer(
    caseId: string,
    text: string,
    writer: CaseWriter,
    expectedVersion?: number,
  ): Promise<ServiceCase> {
    const trimmed = text.trim();
    const problem =
      textProblem(trimmed, TEXT_LIMITS.text) ?? (trimmed ? undefined : { message: 'the answer is empty' });
    if (problem) throw badUserInput(`text: ${problem.message}`, 'text');
    return this.cases.replyDirectly(
      caseId,
      trimmed,
      writer,
      (tx, serviceCase) => this.writeAnswer(tx, serviceCase, trimmed),
      expectedVersion,
    );
  }

  private async writeAnswer(tx: EntityManager, serviceCase: ServiceCase, text: string): Promise<void> {
    if (!serviceCase.contactEmail)
      throw caseRuleBroken('NO_EMAIL_ADDRESS', 'The case has no e-mail address to answer to.');
    const thread = await tx.find(EmailMessage, { where: { caseId: serviceCase.id }, order: { at: 'ASC' } });
    const latestIn = [...thread].reverse().find((m) => m.direction === 'IN');
    const subjectBase = latestIn?.subject
      ? `Re: ${latestIn.subject.replace(/^(re|sv|aw):\s*/i, '')}`
      : 'Svar från kommunen';
    const id = randomUUID();
    const answer: EmailMessage = {
      id,
      messageId: messageIdOf(emailSendJobId(id), this.contactAddress),
      caseId: serviceCase.id,
      direction: 'OUT',
      disposition: 'ANSWER',
      notAnsweredBecause: null,
      fromAddress: this.contactAddress,
      toAddress: serviceCase.contactEmail,
      subject: subjectBase.includes(serviceCase.reference)
        ? subjectBase
        : `${subjectBase} [${serviceCase.reference}]`,
      text,
      inReplyTo: latestIn?.messageId ?? null,
      references:
        thread
          .map((m) => m.messageId)
          .slice(-MAX_REFERENCES)
          .join(' ') || null,
      at: this.now(),
    };
    await tx.insert(EmailMessage, answer);
    const payload: EmailSendPayload = { emailId: id };
    await this.cases.outbox.add(tx, EMAIL_SEND_JOB, payload, { jobId: emailSendJobId(id) });
  }

  /** The case's mail in and out, oldest first (the caller has decided the reader may read the case). */
  async thread(caseId: string): Promise<ThreadMail[]> {
    const mails = await this.dataSource
      .getRepository(EmailMessage)
      .find({ where: { caseId }, order: { at: 'ASC', direction: 'ASC' } });
    if (mails.length === 0) return [];
    const attachments = await this.dataSource
      .getRepository(EmailAttachment)
      .createQueryBuilder('a')
      .select(['a.id', 'a.emailId', 'a.filename', 'a.contentType', 'a.size', 'a.refusedBecause'])
      .where('a.email_id IN (:...ids)', { ids: mails.map((m) => m.id) })
      .getMany();
    return mails.map((mail) => ({ ...mail, attachments: attachments.filter((a) => a.emailId === mail.id) }));
  }
}
