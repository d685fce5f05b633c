import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/** job_outbox: jobs a case change asked for, committed with it and relayed to the queue (libs/jobs). */
export class CreateJobOutbox1765200000000 implements MigrationInterface {
  name = 'CreateJobOutbox1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const instant = instantColumnType();
    await queryRunner.createTable(
      new Table({
        name: 'job_outbox',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'action', type: 'varchar', length: '10' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'payload', type: 'text' },
          { name: 'job_id', type: 'varchar', length: '200' },
          { name: 'run_at', type: instant, isNullable: true },
          { name: 'attempts', type: 'integer', isNullable: true },
          { name: 'created_at', type: instant },
        ],
        indices: [{ name: 'IDX_job_outbox_created', columnNames: ['created_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_outbox');
  }
}
