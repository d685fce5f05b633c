import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/** A person or address an answer group's mail goes to. */
export interface GroupMember {
  subject: string;
  name: string;
  email: string;
}

/** An answer group (svarsgrupp): the named staff of a department who take forwarded cases. */
@Entity('answer_group')
export class AnswerGroup {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  /** Stable key used in config and the API, e.g. `forskola`. */
  @Column({ type: 'varchar', length: 60, unique: true }) key!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 200 }) department!: string;
  @Column({ name: 'notification_email', type: 'varchar', length: 200 }) notificationEmail!: string;
  @Column({ type: 'simple-json' }) manager!: GroupMember;
  @Column({ type: 'simple-json' }) members!: GroupMember[];
}

/** A case category (ärendekategori) with its service goal and confidentiality. */
@Entity('case_category')
export class CaseCategory {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 60, unique: true }) key!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  /** Working days a forwarded case may stay open before the alarm (default 3). */
  @Column({ name: 'sla_working_days', type: 'integer' }) slaWorkingDays!: number;
  /** Sekretessärenden: never listed or searched outside the answer group, never summarised in mail. */
  @Column({ type: 'boolean' }) confidential!: boolean;
}

/** A case (ärende): one contact and everything that follows from it. */
@Entity('service_case')
@Index('IDX_service_case_party', ['partyId'])
@Index('IDX_service_case_status_due', ['status', 'dueAt'])
@Index('IDX_service_case_status_closed', ['status', 'closedAt'])
@Index('IDX_service_case_group_status_created', ['answerGroupId', 'status', 'createdAt'])
@Index('IDX_service_case_created_stats', [
  'createdAt',
  'channel',
  'categoryId',
  'resolvedAtFirstLine',
  'forwardedAt',
  'answerWorkingDays',
])
export class ServiceCase {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  /** What the citizen can quote, e.g. FD-2026-4F7K2Q. */
  @Column({ type: 'varchar', length: 30, unique: true }) reference!: string;
  @Column({ type: 'varchar', length: 20 }) channel!: string;
  @Column({ name: 'category_id', type: 'varchar', length: 36 }) categoryId!: string;
  @Column({ name: 'party_id', type: 'varchar', length: 36, nullable: true }) partyId!: string | null;
  @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'varchar', length: 20 }) status!: string;
  @Column({ name: 'resolved_at_first_line', type: 'boolean' }) resolvedAtFirstLine!: boolean;
  @Column({ name: 'answer_group_id', type: 'varchar', length: 36, nullable: true }) answerGroupId!:
    string | null;
  @Column({ name: 'assignee_subject', type: 'varchar', length: 200, nullable: true }) assigneeSubject!:
    string | null;
  /** The officer's display name, kept beside the subject so nobody reads a login id. */
  @Column({ name: 'assignee_name', type: 'varchar', length: 200, nullable: true }) assigneeName!:
    string | null;
  /** Callback number in E.164 (+46701234567); personal data, audited and blanked like whereabouts. */
  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true }) contactPhone!:
    string | null;
  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true }) contactEmail!:
    string | null;
  @Column({ name: 'contact_preferred', type: 'varchar', length: 10, nullable: true }) contactPreferred!:
    string | null;
  /** Optimistic locking: raised by every change; a writer holding an older one gets CONFLICT. */
  @Column({ type: 'integer', default: 1 }) version!: number;
  /** Waiting for the citizen (WAITING_FOR_CUSTOMER): the start of the day it wakes up by itself. */
  @InstantColumn({ name: 'wake_at', nullable: true }) wakeAt!: Date | null;
  @InstantColumn({ name: 'waiting_since', nullable: true }) waitingSince!: Date | null;
  /** The SLA working days that were left when it was parked; the clock resumes with them. */
  @Column({ name: 'sla_days_left', type: 'integer', nullable: true }) slaDaysLeft!: number | null;
  /** Working days the SLA clock stood still before the group's first answer: not held against the group. */
  @Column({ name: 'sla_paused_working_days', type: 'integer', default: 0 }) slaPausedWorkingDays!: number;
  @InstantColumn({ name: 'forwarded_at', nullable: true }) forwardedAt!: Date | null;
  @InstantColumn({ name: 'due_at', nullable: true }) dueAt!: Date | null;
  @InstantColumn({ name: 'first_reply_at', nullable: true }) firstReplyAt!: Date | null;
  @Column({ type: 'text', nullable: true }) resolution!: string | null;
  @Column({ name: 'registered_by', type: 'varchar', length: 200 }) registeredBy!: string;
  @InstantColumn({ name: 'created_at' }) createdAt!: Date;
  @InstantColumn({ name: 'closed_at', nullable: true }) closedAt!: Date | null;
  /** Working days from forwarding to the first answer, set when it happens (statistics/answer-working-days.ts). */
  @Column({ name: 'answer_working_days', type: 'integer', nullable: true }) answerWorkingDays?: number | null;
  /** Why the citizen got in touch (contact-reason.ts); null when the first line did not say. */
  @Column({ name: 'contact_reason', type: 'varchar', length: 30, nullable: true }) contactReason?:
    string | null;
}

/**
 * One thing that happened to a case. `message` is staff text, never shown to the citizen; the
 * citizen sees a fixed line per type (citizen-event-view.ts) and `citizenMessage`, text written
 * for them (or their own question); internal events (notes, alarms) not even that.
 */
@Entity('case_event')
@Index('IDX_case_event_case', ['caseId', 'at'])
export class CaseEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  @Column({ type: 'varchar', length: 30 }) type!: string;
  @InstantColumn() at!: Date;
  @Column({ name: 'actor_subject', type: 'varchar', length: 200 }) actorSubject!: string;
  @Column({ name: 'actor_name', type: 'varchar', length: 200, nullable: true }) actorName!: string | null;
  @Column({ type: 'text', nullable: true }) message!: string | null;
  /** Written for the citizen ("Syns för invånaren"), only through an explicit argument. */
  @Column({ name: 'citizen_message', type: 'text', nullable: true }) citizenMessage!: string | null;
  @Column({ type: 'boolean' }) internal!: boolean;
}
