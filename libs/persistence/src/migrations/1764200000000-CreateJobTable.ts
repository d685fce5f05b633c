import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/** job: the SQL-backed job queue of the embedded default (libs/jobs). */
export class CreateJobTable1764200000000 implements MigrationInterface {
  name = 'CreateJobTable1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const instant = instantColumnType();
    await queryRunner.createTable(
      new Table({
        name: 'job',
        columns: [
          { name: 'id', type: 'varchar', length: '200', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'payload', type: 'text' },
          { name: 'state', type: 'varchar', length: '10' },
          { name: 'run_at', type: instant },
          { name: 'attempts', type: 'integer' },
          { name: 'max_attempts', type: 'integer' },
          { name: 'last_error', type: 'text', isNullable: true },
          { name: 'locked_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'locked_until', type: instant, isNullable: true },
          { name: 'updated_at', type: instant },
        ],
        indices: [{ name: 'IDX_job_due', columnNames: ['state', 'run_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job');
  }
}
