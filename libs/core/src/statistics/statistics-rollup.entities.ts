import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/**
 * A Swedish day whose cases are rolled up into statistics_daily (decision 0042). A day without
 * a row here, or with a row in statistics_dirty_day, is counted from the cases instead.
 */
@Entity('statistics_day')
export class StatisticsDay {
  /** YYYY-MM-DD, the day the cases were registered (Europe/Stockholm). */
  @PrimaryColumn({ type: 'varchar', length: 10 }) day!: string;
  @InstantColumn({ name: 'rolled_at' }) rolledAt!: Date;
}

/**
 * One day's cases counted along one of the three things the statistics report: by channel
 * (`dimension` CHANNEL, `key` the channel), by category (CATEGORY, `key` the category id) and
 * by the net working days to the group's first answer (ANSWER, no key), which also carries
 * the day's resolved-at-first-line and forwarded counts. Kept apart rather than crossed
 * (channel × category × days) so a day is some 30 rows and a year some 10,000. Counts only.
 */
@Entity('statistics_daily')
@Index('IDX_statistics_daily_day', ['day'])
@Index('IDX_statistics_daily_dimension_day', ['dimension', 'day'])
export class StatisticsDaily {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 10 }) day!: string;
  /**
   * CONTACT rows (decision 0086): one per category (`key`) × contact reason (`reason`, null when
   * not given); `resolved` resolved at the first line, `forwarded` forwarded and not resolved
   * there (so decided = resolved + forwarded), `talkMs` and `withCall` from the linked calls.
   */
  @Column({ type: 'varchar', length: 10 }) dimension!: 'CHANNEL' | 'CATEGORY' | 'ANSWER' | 'CONTACT';
  @Column({ type: 'varchar', length: 36, nullable: true }) key!: string | null;
  /**
   * ANSWER rows: answer_working_days − sla_paused_working_days of forwarded, answered cases;
   * null for the rest. A number, so `serviceTargets.answerWithinWorkingDays` stays configuration.
   */
  @Column({ name: 'net_answer_days', type: 'integer', nullable: true }) netAnswerDays!: number | null;
  @Column({ type: 'integer' }) contacts!: number;
  @Column({ type: 'integer' }) resolved!: number;
  @Column({ type: 'integer' }) forwarded!: number;
  @Column({ type: 'varchar', length: 30, nullable: true }) reason?: string | null;
  /** CONTACT rows: the talk time of the calls linked to the cases (a call shared by n cases counts 1/n each). */
  @Column({ name: 'talk_ms', type: 'bigint', nullable: true }) talkMs?: number | string | null;
  /** CONTACT rows: how many of the contacts have a linked call. */
  @Column({ name: 'with_call', type: 'integer', nullable: true }) withCall?: number | null;
}

/**
 * "A case registered on this day changed after the day was rolled up": written in the same
 * transaction as the change, removed by the roll-up job when it has counted the day again.
 * Append-only for writers (no row to contend for), so many changes never wait on each other.
 */
@Entity('statistics_dirty_day')
@Index('IDX_statistics_dirty_day_day', ['day'])
export class StatisticsDirtyDay {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 10 }) day!: string;
}
