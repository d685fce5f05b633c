import { createHash, randomUUID } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { In, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import type { CaseService } from '../cases/case.service';
import type { CaseWriter } from '../cases/case-write-rules';
import { caseCatalogueOf } from '../cases/case-catalogue';
import { parseCaseReference } from '../cases/case-reference';
import { CaseEventType, ContactChannel } from '../cases/case-vocabulary';
import { CaseCategory, ServiceCase } from '../cases/case.entities';
import { PreferredContact } from '../cases/callback-contact';
import { messageIdOf } from '../mail/mailer';
import { deadlineText, dueDateOf } from '../sla/deadline-text';
import { serviceDeadline } from '../sla/service-deadline';
import { sniffAttachmentType } from './attachment-type';
import { EmailAttachment, EmailMessage, type EmailDisposition } from './email-message.entities';
import { EMAIL_SEND_JOB, emailSendJobId, type EmailSendPayload } from './email-sending';
import { headerText, senderOf, unansweredKindOf, type OwnMail } from './mail-kind';
import { maskPersonalNumbers, personalNumberIn } from './personal-number-in-text';

export interface EmailIntakeSettings {
  /** The contact addresses mail is taken for, lower-case; the first is the sender of the hub's mail. */
  addresses: readonly string[];
  /** The category a new mail's case gets (its SLA promises the answer date). */
  categoryKey: string;
  /** An attachment larger than this is refused (recorded, not stored). */
  maxAttachmentBytes: number;
  /** Acknowledgements to one sender per hour; past it their mail is still taken, not acknowledged. */
  acknowledgementsPerSenderPerHour: number;
  /** The hub's own sender (MAIL_FROM): mail from it is a loop. */
  hubFrom: string;
}

export interface IntakeOutcome {
  disposition: EmailDisposition | 'DUPLICATE';
  caseReference?: string;
  /** Why no acknowledgement was sent, when none was. */
  notAnsweredBecause?: string | null;
}

export interface Envelope {
  /** The SMTP `MAIL FROM`, empty for the null sender `<>` (a bounce). */
  from: string;
  to: readonly string[];
}

/** The intake writes as itself: it may only register the mail's case (decideCaseWrite). */
const EMAIL_INTAKE: CaseWriter = {
  subject: 'e-post',
  name: 'E-post in',
  role: 'intake',
  answerGroupKeys: [],
};
const SUMMARY_CHARACTERS = 4000;
const SUBJECT_CHARACTERS = 900;
const HOUR_MS = 3_600_000;

/**
 * A mail to the contact address, however it arrived (SMTP or IMAP), becomes what it is: a new
 * case in the EMAIL channel with an acknowledgement queued through the outbox; a message joining
 * its case (a reply); or, for mail no machine should answer (bounces, auto-replies, loops), a
 * record and nothing more. The mail is stored in the same transaction as the case, under its
 * Message-ID, which is unique: a re-delivery, or two workers taking the same mail, is one case.
 * Throws when the database cannot store it, so the sender is told to try again later.
 */
export class EmailIntake {
  private readonly own: OwnMail;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseService,
    private readonly settings: EmailIntakeSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    const hubAddress = /<?([^<>\s]+@[^<>\s]+)>?\s*$/.exec(settings.hubFrom)?.[1]?.toLowerCase();
    this.own = {
      addresses: [...settings.addresses, ...(hubAddress ? [hubAddress] : [])],
      messageIdDomain: settings.addresses[0].split('@')[1],
    };
  }

  /** The address the hub's mail to citizens is sent from. */
  get contactAddress(): string {
    return this.settings.addresses[0];
  }

  async receive(raw: Buffer, envelope: Envelope): Promise<IntakeOutcome> {
    const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
    const messageId =
      mail.messageId?.trim() || `<${createHash('sha256').update(raw).digest('hex')}@frontdoor.invalid>`;
    if (await this.stored(messageId)) return { disposition: 'DUPLICATE' };
    try {
      return await this.take(mail, messageId, envelope);
    } catch (error) {
      // Another worker stored the same mail meanwhile (the unique Message-ID): it is one mail.
      if (await this.stored(messageId).catch(() => false)) return { disposition: 'DUPLICATE' };
      throw error;
    }
  }

  private async take(mail: ParsedMail, messageId: string, envelope: Envelope): Promise<IntakeOutcome> {
    const sender = senderOf(mail, envelope.from);
    const unanswered = unansweredKindOf(mail, envelope.from.toLowerCase(), this.own);
    const text = (mail.text ?? '').trim();
    const subject = (mail.subject ?? '').trim().slice(0, SUBJECT_CHARACTERS);
    const threaded = await this.threadCaseOf(mail, sender);
    const at = this.now();
    const row = (disposition: EmailDisposition, caseId: string | null, notAnsweredBecause: string | null) =>
      ({
        id: randomUUID(),
        messageId,
        caseId,
        direction: 'IN',
        disposition,
        notAnsweredBecause,
        fromAddress: sender.slice(0, 320),
        toAddress: (envelope.to[0] ?? this.contactAddress).slice(0, 320),
        subject,
        text,
        inReplyTo: mail.inReplyTo?.slice(0, 998) ?? null,
        references: referencesOf(mail).join(' ') || null,
        at,
      }) satisfies EmailMessage;

    if (unanswered) {
      const record = row(unanswered, threaded?.id ?? null, unanswered);
      await this.dataSource.transaction(async (tx) => this.keep(tx, record, mail));
      return { disposition: unanswered, caseReference: threaded?.reference, notAnsweredBecause: unanswered };
    }
    if (threaded) {
      const record = row('JOINED_CASE', threaded.id, null);
      const shown = text || subject || '(Inget textinnehåll)';
      await this.cases.receiveFollowUp(
        threaded.id,
        CaseEventType.EMAIL_RECEIVED,
        shown.slice(0, SUMMARY_CHARACTERS),
        { subject: `e-post:${sender}`.slice(0, 200), name: sender.slice(0, 200) },
        (tx) => this.keep(tx, record, mail),
      );
      return { disposition: 'JOINED_CASE', caseReference: threaded.reference };
    }
    const rateLimited = await this.overAcknowledgementLimit(sender, at);
    const record = row('NEW_CASE', null, rateLimited ? 'RATE_LIMIT' : null);
    const personalNumber = personalNumberIn(`${subject}\n${text}`);
    const summary = maskPersonalNumbers(
      [subject, text].filter(Boolean).join('\n\n') || '(Inget textinnehåll)',
    );
    const category = await this.category();
    const registered = await this.cases.receiveContact(
      {
        channel: ContactChannel.EMAIL,
        categoryKey: this.settings.categoryKey,
        personalNumber: personalNumber ?? undefined,
        summary: summary.slice(0, SUMMARY_CHARACTERS),
        contact: isAddress(sender) ? { email: sender, phone: null, preferred: PreferredContact.EMAIL } : null,
      },
      EMAIL_INTAKE,
      async (tx, serviceCase) => {
        record.caseId = serviceCase.id;
        await this.keep(tx, record, mail);
        if (!rateLimited && isAddress(sender))
          await this.acknowledge(tx, serviceCase, record, category.slaWorkingDays);
      },
    );
    return {
      disposition: 'NEW_CASE',
      caseReference: registered.reference,
      notAnsweredBecause: record.notAnsweredBecause,
    };
  }

  /** The mail and its attachments: each stored with its sniffed type, or refused with the reason. */
  private async keep(tx: EntityManager, record: EmailMessage, mail: ParsedMail): Promise<void> {
    await tx.insert(EmailMessage, record);
    const attachments = mail.attachments.map((attachment): EmailAttachment => {
      const { contentType, executable } = sniffAttachmentType(attachment.content);
      const refusedBecause = executable
        ? 'EXECUTABLE'
        : attachment.content.length > this.settings.maxAttachmentBytes
          ? 'TOO_LARGE'
          : null;
      return {
        id: randomUUID(),
        emailId: record.id,
        filename: (attachment.filename ?? 'bilaga').slice(0, 255),
        contentType,
        size: attachment.content.length,
        content: refusedBecause ? null : attachment.content,
        refusedBecause,
      };
    });
    for (const attachment of attachments) await tx.insert(EmailAttachment, attachment);
  }

  /**
   * The acknowledgement, written now and sent by a job through the outbox (once): from the
   * contact address, the reference in the subject, the answer promised by the category's SLA in
   * working days, as an automatic reply (RFC 3834) threaded on the citizen's mail.
   */
  private async acknowledge(
    tx: EntityManager,
    serviceCase: ServiceCase,
    incoming: EmailMessage,
    slaWorkingDays: number,
  ): Promise<void> {
    const id = randomUUID();
    const promised = deadlineText(dueDateOf(serviceDeadline(incoming.at, slaWorkingDays)));
    const acknowledgement: EmailMessage = {
      id,
      messageId: messageIdOf(emailSendJobId(id), this.contactAddress),
      caseId: serviceCase.id,
      direction: 'OUT',
      disposition: 'ACKNOWLEDGEMENT',
      notAnsweredBecause: null,
      fromAddress: this.contactAddress,
      toAddress: incoming.fromAddress,
      subject: `Vi har tagit emot ditt meddelande [${serviceCase.reference}]`,
      text:
        `Hej!\n\nTack för ditt meddelande. Det har fått ärendenummer ${serviceCase.reference}.\n` +
        `Vi svarar ${promised}.\n\n` +
        'Vill du lägga till något kan du svara på det här meddelandet; behåll ärendenumret i ämnesraden.\n',
      inReplyTo: incoming.messageId,
      references: [incoming.references, incoming.messageId].filter(Boolean).join(' '),
      at: incoming.at,
    };
    await tx.insert(EmailMessage, acknowledgement);
    const payload: EmailSendPayload = { emailId: id };
    await this.cases.outbox.add(tx, EMAIL_SEND_JOB, payload, { jobId: emailSendJobId(id) });
  }

  /**
   * The case a reply belongs to: a mail of the case named in `In-Reply-To`/`References`, or the
   * case reference in the subject when the sender is the case's own address (a stranger who
   * knows a reference gets a case of their own, not a way into someone else's).
   */
  private async threadCaseOf(mail: ParsedMail, sender: string): Promise<ServiceCase | null> {
    const ids = [...(mail.inReplyTo ? [mail.inReplyTo] : []), ...referencesOf(mail)].slice(-50);
    if (ids.length > 0) {
      const known = await this.dataSource
        .getRepository(EmailMessage)
        .findOne({ where: { messageId: In(ids), caseId: MoreThan('') }, order: { at: 'DESC' } });
      if (known?.caseId) return this.dataSource.getRepository(ServiceCase).findOneBy({ id: known.caseId });
    }
    const reference = /FD-\d{4}-[2-9A-HJKMNP-Z]{6}/i.exec(mail.subject ?? '')?.[0];
    const parsed = reference ? parseCaseReference(reference) : null;
    if (!parsed) return null;
    const named = await this.dataSource.getRepository(ServiceCase).findOneBy({ reference: parsed });
    return named && named.contactEmail?.toLowerCase() === sender ? named : null;
  }

  private async overAcknowledgementLimit(sender: string, at: Date): Promise<boolean> {
    const recent = await this.dataSource.getRepository(EmailMessage).countBy({
      fromAddress: sender,
      direction: 'IN',
      at: MoreThan(new Date(at.getTime() - HOUR_MS)),
    });
    return recent >= this.settings.acknowledgementsPerSenderPerHour;
  }

  private async category(): Promise<CaseCategory> {
    const category =
      (await caseCatalogueOf(this.dataSource).categoryByKey(this.settings.categoryKey)) ??
      (await this.dataSource.getRepository(CaseCategory).findOneBy({ key: this.settings.categoryKey }));
    if (!category)
      throw new Error(`EMAIL_INBOUND_CATEGORY: there is no case category "${this.settings.categoryKey}"`);
    return category;
  }

  private async stored(messageId: string): Promise<boolean> {
    return this.dataSource.getRepository(EmailMessage).existsBy({ messageId });
  }
}

function referencesOf(mail: ParsedMail): string[] {
  const references = mail.references;
  if (!references) return headerText(mail, 'references').split(/\s+/).filter(Boolean);
  return (Array.isArray(references) ? references : [references])
    .flatMap((r) => r.split(/\s+/))
    .filter(Boolean);
}

function isAddress(text: string): boolean {
  return /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(text) && text.length <= 254;
}
