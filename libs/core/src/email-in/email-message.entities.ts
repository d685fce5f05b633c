import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, binaryColumnType } from '@frontdoor/persistence';

/** Which way a mail went: from the citizen to the contact address, or from the hub to them. */
export type EmailDirection = 'IN' | 'OUT';

/**
 * An incoming mail: a new case, a message joining one, or only recorded (never answered,
 * never a case of its own): an auto-reply, a bounce, a loop. An outgoing one: the
 * acknowledgement of a new case, or an answer written on the case.
 */
export type EmailDisposition =
  'NEW_CASE' | 'JOINED_CASE' | 'AUTO_REPLY' | 'BOUNCE' | 'LOOP' | 'ACKNOWLEDGEMENT' | 'ANSWER';

/**
 * One e-mail of the contact address, in or out. The Message-ID is unique: a re-delivered mail,
 * or the same mail taken by two workers at once, is stored once (the second insert fails), so
 * it becomes one case. The text is the mail's plain text (HTML turned into text, nothing
 * fetched); it holds personal data and is read on the case only.
 */
@Entity('email_message')
@Index('IDX_email_message_case', ['caseId', 'at'])
@Index('IDX_email_message_sender', ['fromAddress', 'at'])
export class EmailMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'message_id', type: 'varchar', length: 998, unique: true }) messageId!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36, nullable: true }) caseId!: string | null;
  @Column({ type: 'varchar', length: 3 }) direction!: EmailDirection;
  @Column({ type: 'varchar', length: 20 }) disposition!: EmailDisposition;
  /** Why no acknowledgement went out (AUTO_REPLY, BOUNCE, LOOP, RATE_LIMIT); null when one did or none was due. */
  @Column({ name: 'not_answered_because', type: 'varchar', length: 20, nullable: true }) notAnsweredBecause!:
    string | null;
  @Column({ name: 'from_address', type: 'varchar', length: 320 }) fromAddress!: string;
  @Column({ name: 'to_address', type: 'varchar', length: 320 }) toAddress!: string;
  @Column({ type: 'varchar', length: 998 }) subject!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ name: 'in_reply_to', type: 'varchar', length: 998, nullable: true }) inReplyTo!: string | null;
  /** The thread's Message-IDs, space separated (the References header). */
  @Column({ name: 'references_header', type: 'text', nullable: true }) references!: string | null;
  @InstantColumn() at!: Date;
}

/**
 * A file that came with a mail: stored with the type its content shows (not its name's), or
 * refused with the reason (an executable, too large) and no content, so nothing is lost silently.
 */
@Entity('email_attachment')
@Index('IDX_email_attachment_message', ['emailId'])
export class EmailAttachment {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'email_id', type: 'varchar', length: 36 }) emailId!: string;
  @Column({ type: 'varchar', length: 255 }) filename!: string;
  /** Sniffed from the bytes; `application/octet-stream` when unknown. */
  @Column({ name: 'content_type', type: 'varchar', length: 100 }) contentType!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: binaryColumnType(), nullable: true }) content!: Buffer | null;
  /** EXECUTABLE or TOO_LARGE when refused; null when stored. */
  @Column({ name: 'refused_because', type: 'varchar', length: 20, nullable: true }) refusedBecause!:
    string | null;
}
