import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/**
 * The one question a citizen is asked after a contact (SKR's service survey): one per case,
 * sent by the way the citizen can be reached, answered once through a link that holds a token
 * (only its hash is stored). The case's channel, category and answer group are copied at
 * invitation, so the index groups by a column and survives the case's retention.
 */
@Entity('survey_invitation')
@Index('IDX_survey_invitation_answered_day', ['answeredDay'])
export class SurveyInvitation {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36, unique: true }) caseId!: string;
  /** SHA-256 of the link's token, hex; null until the invitation has gone out. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64, nullable: true, unique: true })
  tokenHash!: string | null;
  /** The case's channel (PHONE, EMAIL, E_SERVICE, VISIT, LETTER): the index is published per channel. */
  @Column({ type: 'varchar', length: 20 }) channel!: string;
  @Column({ name: 'category_id', type: 'varchar', length: 36 }) categoryId!: string;
  @Column({ name: 'answer_group_id', type: 'varchar', length: 36, nullable: true })
  answerGroupId!: string | null;
  /** How the question went out: `email`, `sms` or `mailbox` (the channel the citizen came in by, decision 0090). */
  @Column({ name: 'sent_by', type: 'varchar', length: 20, nullable: true }) sentBy!: string | null;
  /** Why the citizen was not asked (no address on any channel, all messages declined); null when asked. */
  @Column({ name: 'not_asked_reason', type: 'varchar', length: 200, nullable: true })
  notAskedReason!: string | null;
  @InstantColumn({ name: 'created_at' }) createdAt!: Date;
  @InstantColumn({ name: 'sent_at', nullable: true }) sentAt!: Date | null;
  @InstantColumn({ name: 'expires_at' }) expiresAt!: Date;
  @InstantColumn({ name: 'answered_at', nullable: true }) answeredAt!: Date | null;
  /** 1 (mycket missnöjd) … 5 (mycket nöjd). */
  @Column({ type: 'integer', nullable: true }) score!: number | null;
  /** The citizen's own words, optional; read by managers only, never published. */
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  /** Stockholm day of the answer (YYYY-MM-DD): the index groups by it in SQL. */
  @Column({ name: 'answered_day', type: 'varchar', length: 10, nullable: true }) answeredDay!: string | null;
}
