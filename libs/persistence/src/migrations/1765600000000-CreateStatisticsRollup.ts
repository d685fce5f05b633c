import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/**
 * The daily roll-up of the service statistics (issue 14, decision 0042): statistics_daily
 * holds each rolled-up day's cases counted by channel, by category and by net answer days;
 * statistics_day says which days are rolled up; statistics_dirty_day which of them had a case
 * change since and are counted from the cases until the roll-up job has counted them again.
 */
export class CreateStatisticsRollup1765600000000 implements MigrationInterface {
  name = 'CreateStatisticsRollup1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'statistics_day',
        columns: [
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'rolled_at', type: instantColumnType() },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'statistics_daily',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'dimension', type: 'varchar', length: '10' },
          { name: 'key', type: 'varchar', length: '36', isNullable: true },
          { name: 'net_answer_days', type: 'integer', isNullable: true },
          { name: 'contacts', type: 'integer' },
          { name: 'resolved', type: 'integer' },
          { name: 'forwarded', type: 'integer' },
        ],
        indices: [{ name: 'IDX_statistics_daily_day', columnNames: ['day'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'statistics_dirty_day',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10' },
        ],
        indices: [{ name: 'IDX_statistics_dirty_day_day', columnNames: ['day'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('statistics_dirty_day');
    await queryRunner.dropTable('statistics_daily');
    await queryRunner.dropTable('statistics_day');
  }
}
