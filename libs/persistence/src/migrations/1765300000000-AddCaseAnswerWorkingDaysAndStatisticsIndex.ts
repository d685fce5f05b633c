import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * service_case.answer_working_days: the working days (Swedish calendar) from forwarding to
 * the group's first answer, stored when the answer happens so that statistics count it with
 * a GROUP BY instead of recomputing the calendar for every row (issue 14, decision 0040).
 * Rows answered before this migration are filled in by the hub on first use
 * (backfillAnswerWorkingDays in libs/core), since the calendar lives there.
 *
 * IDX_service_case_created_stats: the period of a statistics query is a range on
 * created_at; the other columns make it covering (index-only scan on PostgreSQL, chosen from
 * EXPLAIN, docs/performance.md).
 */
export class AddCaseAnswerWorkingDaysAndStatisticsIndex1765300000000 implements MigrationInterface {
  name = 'AddCaseAnswerWorkingDaysAndStatisticsIndex1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'service_case',
      new TableColumn({ name: 'answer_working_days', type: 'integer', isNullable: true }),
    );
    await queryRunner.createIndex(
      'service_case',
      new TableIndex({
        name: 'IDX_service_case_created_stats',
        columnNames: [
          'created_at',
          'channel',
          'category_id',
          'resolved_at_first_line',
          'forwarded_at',
          'answer_working_days',
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('service_case', 'IDX_service_case_created_stats');
    await queryRunner.dropColumn('service_case', 'answer_working_days');
  }
}
