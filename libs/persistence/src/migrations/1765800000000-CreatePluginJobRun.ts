import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/** plugin_job_run: each scheduled run of a plugin job claimed once, so a re-delivered run is skipped. */
export class CreatePluginJobRun1765800000000 implements MigrationInterface {
  name = 'CreatePluginJobRun1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'plugin_job_run',
        columns: [
          { name: 'run_id', type: 'varchar', length: '200', isPrimary: true },
          { name: 'plugin', type: 'varchar', length: '100' },
          { name: 'job', type: 'varchar', length: '100' },
          { name: 'claimant', type: 'varchar', length: '36' },
          { name: 'claimed_at', type: instantColumnType() },
        ],
        indices: [{ name: 'IDX_plugin_job_run_claimed', columnNames: ['claimed_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('plugin_job_run');
  }
}
