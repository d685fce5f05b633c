import { Brackets, type DataSource } from 'typeorm';
import { caseCatalogueOf, type CaseDirectory } from './case-catalogue';
import { belongsToGroup } from './case-setup';
import { AnswerGroup, CaseCategory, ServiceCase } from './case.entities';
import { CaseStatus } from './case-vocabulary';

export interface CaseListFilter {
  status?: CaseStatus;
  answerGroupKey?: string;
  categoryKey?: string;
  overdue?: boolean;
  partyId?: string;
  createdFrom?: Date;
  createdTo?: Date;
}

/** Who is looking: confidential cases are shown only to their own answer group. */
export interface CaseViewer {
  subject: string;
  /** Answer groups the viewer's token names (by key), beside membership by subject in the setup. */
  answerGroupKeys?: string[];
  /** A citizen reading their own cases sees their confidential ones too. */
  ownCases?: boolean;
}

export interface CasePage {
  items: ServiceCase[];
  hasNextPage: boolean;
  totalCount: number;
}

export type { CaseDirectory } from './case-catalogue';

/**
 * Finding cases: filters, newest first, cursor pagination, and the confidentiality rule
 * (sekretessärenden are never listed or searched outside the answer group that has them,
 * except by the agent who registered the contact).
 */
export class CaseQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  directory(): Promise<CaseDirectory> {
    return caseCatalogueOf(this.dataSource).directory();
  }

  /** The answer groups the viewer belongs to: as member or manager, or named by their token. */
  async groupsOf(viewer: CaseViewer): Promise<AnswerGroup[]> {
    const groups = [...(await this.directory()).groups.values()];
    return groups.filter((g) => belongsToGroup(g, viewer.subject) || viewer.answerGroupKeys?.includes(g.key));
  }

  async mayView(serviceCase: ServiceCase, viewer: CaseViewer): Promise<boolean> {
    const category =
      (await this.directory()).categories.get(serviceCase.categoryId) ??
      (await this.dataSource.getRepository(CaseCategory).findOneByOrFail({ id: serviceCase.categoryId }));
    if (!category.confidential || serviceCase.registeredBy === viewer.subject) return true;
    return (await this.groupsOf(viewer)).some((g) => g.id === serviceCase.answerGroupId);
  }

  /**
   * The case a citizen quotes (FD-2026-4F7K2Q), for this viewer: a confidential case of another
   * group is answered exactly like an unknown reference (null), so the answer does not confirm it exists.
   */
  async findByReference(reference: string, viewer: CaseViewer): Promise<ServiceCase | null> {
    const found = await this.dataSource.getRepository(ServiceCase).findOneBy({ reference });
    if (!found || !(await this.mayView(found, viewer))) return null;
    return found;
  }

  async list(filter: CaseListFilter, viewer: CaseViewer, first: number, after?: string): Promise<CasePage> {
    const myGroups = (await this.groupsOf(viewer)).map((g) => g.id);
    const confidentialVisible = viewer.ownCases === true && filter.partyId !== undefined;
    const query = this.dataSource
      .getRepository(ServiceCase)
      .createQueryBuilder('c')
      .innerJoin(CaseCategory, 'category', 'category.id = c.category_id')
      .where(
        new Brackets((visible) => {
          visible.where(confidentialVisible ? '1 = 1' : 'category.confidential = :no', { no: false });
          // The agent who registered it keeps sight of it, to forward it and answer follow-ups.
          visible.orWhere('c.registered_by = :me', { me: viewer.subject });
          if (myGroups.length) visible.orWhere('c.answer_group_id IN (:...myGroups)', { myGroups });
        }),
      );
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.categoryKey)
      query.andWhere('category.key = :categoryKey', { categoryKey: filter.categoryKey });
    if (filter.answerGroupKey) {
      query
        .innerJoin(AnswerGroup, 'grp', 'grp.id = c.answer_group_id')
        .andWhere('grp.key = :groupKey', { groupKey: filter.answerGroupKey });
    }
    if (filter.partyId) query.andWhere('c.party_id = :partyId', { partyId: filter.partyId });
    if (filter.createdFrom) query.andWhere('c.created_at >= :from', { from: filter.createdFrom });
    if (filter.createdTo) query.andWhere('c.created_at < :to', { to: filter.createdTo });
    if (filter.overdue !== undefined) {
      const overdue = 'c.status = :forwarded AND c.due_at < :now';
      query.andWhere(filter.overdue ? overdue : `NOT (${overdue})`, {
        forwarded: CaseStatus.FORWARDED,
        now: this.now(),
      });
    }
    const totalCount = await query.getCount();
    if (after) {
      const { createdAt, id } = decodeCursor(after);
      query.andWhere(
        new Brackets((page) =>
          page
            .where('c.created_at < :cursorAt', { cursorAt: createdAt })
            .orWhere('(c.created_at = :cursorAt AND c.id < :cursorId)', {
              cursorAt: createdAt,
              cursorId: id,
            }),
        ),
      );
    }
    const rows = await query
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(first + 1)
      .getMany();
    return { items: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }
}

export function encodeCursor(serviceCase: Pick<ServiceCase, 'createdAt' | 'id'>): string {
  return Buffer.from(`${serviceCase.createdAt.toISOString()}|${serviceCase.id}`).toString('base64url');
}

/** A page cursor that this list never gave out (tampered, truncated, or from another list). */
export class InvalidCursorError extends Error {
  constructor() {
    super('not a cursor from this list');
    this.name = 'InvalidCursorError';
  }
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at);
  if (!id || Number.isNaN(createdAt.getTime())) throw new InvalidCursorError();
  return { createdAt, id };
}
