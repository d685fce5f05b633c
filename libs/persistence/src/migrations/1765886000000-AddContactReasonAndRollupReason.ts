import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * service_case.contact_reason: why the citizen got in touch (issue 26, decision 0086), one of a
 * fixed list, optional (earlier cases have none: counted as "not given"). statistics_daily gets
 * `reason`, `talk_ms` and `with_call` for its new CONTACT rows (category × reason, with the
 * agent time of the linked calls). Days rolled up before have no CONTACT rows, so the roll-up is dropped and
 * every day is counted again by the next run of the job (the read side counts a day without a
 * roll-up from the cases meanwhile, so no figure is wrong in between).
 */
export class AddContactReasonAndRollupReason1765886000000 implements MigrationInterface {
  name = 'AddContactReasonAndRollupReason1765886000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'service_case',
      new TableColumn({ name: 'contact_reason', type: 'varchar', length: '30', isNullable: true }),
    );
    await queryRunner.addColumn(
      'statistics_daily',
      new TableColumn({ name: 'reason', type: 'varchar', length: '30', isNullable: true }),
    );
    await queryRunner.addColumn(
      'statistics_daily',
      new TableColumn({ name: 'talk_ms', type: 'bigint', isNullable: true }),
    );
    await queryRunner.addColumn(
      'statistics_daily',
      new TableColumn({ name: 'with_call', type: 'integer', isNullable: true }),
    );
    // The CONTACT rows are several times the others: readers of one dimension find theirs by it.
    await queryRunner.createIndex(
      'statistics_daily',
      new TableIndex({ name: 'IDX_statistics_daily_dimension_day', columnNames: ['dimension', 'day'] }),
    );
    await queryRunner.query('DELETE FROM statistics_daily');
    await queryRunner.query('DELETE FROM statistics_day');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('statistics_daily', 'IDX_statistics_daily_dimension_day');
    await queryRunner.dropColumn('statistics_daily', 'with_call');
    await queryRunner.dropColumn('statistics_daily', 'talk_ms');
    await queryRunner.dropColumn('statistics_daily', 'reason');
    await queryRunner.dropColumn('service_case', 'contact_reason');
  }
}
