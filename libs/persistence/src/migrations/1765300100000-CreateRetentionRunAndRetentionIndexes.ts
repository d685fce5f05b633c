import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/**
 * retention_run: the counts each retention run (gallring) removed, per kind of record.
 * Indexes for the retention job's range scans, so a nightly batch is an index range and
 * not a scan of 20 M audit rows: audit_record by occurred_at, closed cases by closed_at.
 * And an answer group's queue (its forwarded cases, newest first) as one index range with
 * LIMIT instead of every open case filtered by group (EXPLAIN in docs/performance.md).
 */
export class CreateRetentionRunAndRetentionIndexes1765300100000 implements MigrationInterface {
  name = 'CreateRetentionRunAndRetentionIndexes1765300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'retention_run',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'ran_at', type: instantColumnType() },
          { name: 'kind', type: 'varchar', length: '30' },
          { name: 'removed', type: 'integer' },
        ],
        indices: [{ name: 'IDX_retention_run_ran_at', columnNames: ['ran_at'] }],
      }),
    );
    await queryRunner.createIndex(
      'audit_record',
      new TableIndex({ name: 'IDX_audit_record_occurred', columnNames: ['occurred_at'] }),
    );
    await queryRunner.createIndex(
      'service_case',
      new TableIndex({ name: 'IDX_service_case_status_closed', columnNames: ['status', 'closed_at'] }),
    );
    await queryRunner.createIndex(
      'service_case',
      new TableIndex({
        name: 'IDX_service_case_group_status_created',
        columnNames: ['answer_group_id', 'status', 'created_at'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('service_case', 'IDX_service_case_group_status_created');
    await queryRunner.dropIndex('service_case', 'IDX_service_case_status_closed');
    await queryRunner.dropIndex('audit_record', 'IDX_audit_record_occurred');
    await queryRunner.dropTable('retention_run');
  }
}
