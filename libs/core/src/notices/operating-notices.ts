import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { CaseCategory, ServiceCase } from '../cases/case.entities';
import { OperatingNotice } from './operating-notice.entity';

/** What a manager publishes: title and text to read aloud, what it concerns, and when it holds. */
export interface NoticeInput {
  title: string;
  text: string;
  categoryKey?: string | null;
  area?: string | null;
  validFrom: Date;
  validTo: Date;
}

/** A notice refused: the field, and why, in words the publisher acts on. */
export class NoticeRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'NoticeRefused';
  }
}

/** How long a notice may hold: long enough for a road closed over a summer, not forever. */
const MAX_VALID_DAYS = 180;

const noticeShape = z.object({
  title: z.string().trim().min(1, 'a title is needed').max(120, 'at most 120 characters'),
  text: z.string().trim().min(1, 'a text to read aloud is needed').max(2000, 'at most 2 000 characters'),
  categoryKey: z.string().trim().min(1).nullish(),
  area: z.string().trim().min(1).nullish(),
  validFrom: z.date(),
  validTo: z.date(),
});

/**
 * Operating notices (driftmeddelanden): published and withdrawn by managers, read as the ones
 * in force now (by category, or all), and the contacts registered in a notice's category while
 * it held, so its effect shows.
 */
export class OperatingNotices {
  constructor(
    private readonly dataSource: DataSource,
    /** The areas a notice may name (config `notices.areas`): a typo would reach no one. */
    private readonly areas: readonly string[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  async publish(input: NoticeInput, publishedBy: string): Promise<OperatingNotice> {
    const parsed = noticeShape.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new NoticeRefused(String(issue.path[0] ?? 'input'), issue.message);
    }
    const notice = parsed.data;
    const now = this.now();
    if (notice.validTo.getTime() <= now.getTime())
      throw new NoticeRefused('validTo', 'the notice would never hold: validTo is already past');
    if (notice.validTo.getTime() <= notice.validFrom.getTime())
      throw new NoticeRefused('validTo', 'validTo must come after validFrom');
    if (
      notice.validTo.getTime() - Math.max(notice.validFrom.getTime(), now.getTime()) >
      MAX_VALID_DAYS * 86_400_000
    )
      throw new NoticeRefused(
        'validTo',
        `a notice holds at most ${MAX_VALID_DAYS} days; publish a new one after`,
      );
    if (!notice.categoryKey && !notice.area)
      throw new NoticeRefused('categoryKey', 'name the category or the area the notice concerns (or both)');
    if (notice.area && !this.areas.includes(notice.area))
      throw new NoticeRefused('area', `unknown area "${notice.area}" (known: ${this.areas.join(', ')})`);
    if (notice.categoryKey) {
      const known = await this.dataSource.getRepository(CaseCategory).existsBy({ key: notice.categoryKey });
      if (!known) throw new NoticeRefused('categoryKey', `unknown category "${notice.categoryKey}"`);
    }
    const row = this.dataSource.getRepository(OperatingNotice).create({
      id: randomUUID(),
      title: notice.title,
      text: notice.text,
      categoryKey: notice.categoryKey ?? null,
      area: notice.area ?? null,
      validFrom: notice.validFrom,
      validTo: notice.validTo,
      publishedBy,
      publishedAt: now,
      withdrawnBy: null,
      withdrawnAt: null,
    });
    await this.dataSource.getRepository(OperatingNotice).insert(row);
    return row;
  }

  /** Ends a notice now (kept for the record). False when there is none, or it was withdrawn already. */
  async withdraw(id: string, by: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OperatingNotice)
      .set({ withdrawnAt: this.now(), withdrawnBy: by })
      .where('id = :id AND withdrawn_at IS NULL', { id })
      .execute();
    return result.affected === 1;
  }

  /** The notices in force now, newest first: for a category (and those for the whole area), or all. */
  inForce(filter: { categoryKeys?: string[] } = {}): Promise<OperatingNotice[]> {
    const now = this.now();
    const query = this.dataSource
      .getRepository(OperatingNotice)
      .createQueryBuilder('n')
      .where('n.valid_from <= :now AND n.valid_to > :now AND n.withdrawn_at IS NULL', { now })
      .orderBy('n.published_at', 'DESC');
    if (filter.categoryKeys) {
      if (filter.categoryKeys.length === 0) return Promise.resolve([]);
      query.andWhere('n.category_key IN (:...keys)', { keys: filter.categoryKeys });
    }
    return query.getMany();
  }

  /** Every notice that held at some point from `from` to `to`, newest first (for managers). */
  between(from: Date, to: Date): Promise<OperatingNotice[]> {
    return this.dataSource
      .getRepository(OperatingNotice)
      .createQueryBuilder('n')
      .where('n.valid_from < :to AND n.valid_to > :from', { from, to })
      .orderBy('n.published_at', 'DESC')
      .take(200)
      .getMany();
  }

  /**
   * The contacts registered in the notice's category while it held (until it ended, was
   * withdrawn, or now): one COUNT on the case table's category-and-time index.
   */
  async contactsDuring(notice: OperatingNotice): Promise<number | null> {
    if (!notice.categoryKey) return null;
    const category = await this.dataSource.getRepository(CaseCategory).findOneBy({ key: notice.categoryKey });
    if (!category) return null;
    const end = Math.min(
      notice.validTo.getTime(),
      notice.withdrawnAt?.getTime() ?? Infinity,
      this.now().getTime(),
    );
    return this.dataSource
      .getRepository(ServiceCase)
      .createQueryBuilder('c')
      .where('c.category_id = :category AND c.created_at >= :from AND c.created_at <= :to', {
        category: category.id,
        from: notice.validFrom,
        to: new Date(end),
      })
      .getCount();
  }
}
