import type { DataSource } from 'typeorm';
import { AnswerGroup, ServiceCase } from '../cases/case.entities';
import { CaseStatus } from '../cases/case-vocabulary';

/** One answer group's forwarded cases right now: open, and of those past their due time. */
export interface AnswerGroupLoad {
  answerGroupKey: string;
  name: string;
  open: number;
  overdue: number;
}

/**
 * Every answer group's load at `now`, by group key: one GROUP BY over the forwarded cases
 * (an index range on IDX_service_case_group_status_created), for the service statistics and
 * the managers' wall screen alike.
 */
export async function answerGroupLoad(dataSource: DataSource, now: Date): Promise<AnswerGroupLoad[]> {
  const [rows, groups] = await Promise.all([
    dataSource
      .getRepository(ServiceCase)
      .createQueryBuilder('c')
      .select('c.answer_group_id', 'answer_group_id')
      .addSelect('COUNT(*)', 'open')
      .addSelect('SUM(CASE WHEN c.due_at < :now THEN 1 ELSE 0 END)', 'overdue')
      .where('c.status = :forwarded', { forwarded: CaseStatus.FORWARDED })
      .setParameter('now', now)
      .groupBy('c.answer_group_id')
      .getRawMany<{ answer_group_id: string; open: string | number; overdue: string | number | null }>(),
    dataSource.getRepository(AnswerGroup).find({ order: { key: 'ASC' } }),
  ]);
  // PostgreSQL answers COUNT/SUM as bigint strings, SQLite as numbers; SUM over no rows is null.
  const load = new Map(rows.map((r) => [r.answer_group_id, r]));
  return groups.map((g) => ({
    answerGroupKey: g.key,
    name: g.name,
    open: Number(load.get(g.id)?.open ?? 0),
    overdue: Number(load.get(g.id)?.overdue ?? 0),
  }));
}
