import type { DataSource } from 'typeorm';
import { AnswerGroup, CaseCategory } from '../cases/case.entities';
import { SurveyInvitation } from './survey.entities';

/** The citizens' verdict on one group of contacts: how many answered, and SKR's 0-100 index. */
export interface SatisfactionFigure {
  answers: number;
  /** (mean score − 1) / 4 × 100, rounded: 1 is 0, 5 is 100. Null with no answers (never 0). */
  index: number | null;
}

export interface SatisfactionIndex {
  total: SatisfactionFigure;
  byChannel: (SatisfactionFigure & { channel: string })[];
  byCategory: (SatisfactionFigure & { categoryKey: string; categoryName: string })[];
  byAnswerGroup: (SatisfactionFigure & { answerGroupKey: string | null; answerGroupName: string | null })[];
}

/** Rows are grouped in SQL; only answered invitations in the period (Stockholm days) count. */
export async function satisfactionIndex(
  dataSource: DataSource,
  from: string,
  to: string,
): Promise<SatisfactionIndex> {
  const grouped = async (column: string | null) => {
    const query = dataSource
      .getRepository(SurveyInvitation)
      .createQueryBuilder('s')
      .select('COUNT(*)', 'answers')
      .addSelect('SUM(s.score)', 'scoreSum')
      .where('s.answered_day >= :from AND s.answered_day <= :to', { from, to });
    if (column) query.addSelect(column, 'grp').groupBy(column).orderBy(column);
    return query.getRawMany<{ answers: string | number; scoreSum: string | number; grp?: string | null }>();
  };
  const [total, channels, categories, groups] = await Promise.all([
    grouped(null),
    grouped('s.channel'),
    grouped('s.category_id'),
    grouped('s.answer_group_id'),
  ]);
  const [categoryRows, groupRows] = await Promise.all([
    dataSource.getRepository(CaseCategory).find(),
    dataSource.getRepository(AnswerGroup).find(),
  ]);
  const category = new Map(categoryRows.map((c) => [c.id, c]));
  const group = new Map(groupRows.map((g) => [g.id, g]));
  return {
    total: figure(total[0] ?? { answers: 0, scoreSum: 0 }),
    byChannel: channels.map((row) => ({ channel: String(row.grp), ...figure(row) })),
    byCategory: categories.map((row) => ({
      categoryKey: category.get(String(row.grp))?.key ?? String(row.grp),
      categoryName: category.get(String(row.grp))?.name ?? String(row.grp),
      ...figure(row),
    })),
    byAnswerGroup: groups.map((row) => ({
      answerGroupKey: row.grp ? (group.get(row.grp)?.key ?? row.grp) : null,
      answerGroupName: row.grp ? (group.get(row.grp)?.name ?? row.grp) : null,
      ...figure(row),
    })),
  };
}

function figure(row: { answers: string | number; scoreSum: string | number | null }): SatisfactionFigure {
  const answers = Number(row.answers);
  if (!answers) return { answers: 0, index: null };
  const mean = Number(row.scoreSum) / answers;
  return { answers, index: Math.round(((mean - 1) / 4) * 100) };
}
