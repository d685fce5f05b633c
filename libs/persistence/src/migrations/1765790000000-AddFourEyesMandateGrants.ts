import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/**
 * Four-eyes grants for secrecy departments (issue 24): mandate_grant_request holds a grant
 * until a second admin approves it; mandate_grant.approved_by names that admin.
 */
export class AddFourEyesMandateGrants1765790000000 implements MigrationInterface {
  name = 'AddFourEyesMandateGrants1765790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'mandate_grant_request',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'target_kind', type: 'varchar', length: '20' },
          { name: 'target_key', type: 'varchar', length: '100' },
          { name: 'department', type: 'varchar', length: '100' },
          { name: 'level', type: 'integer' },
          { name: 'requested_by', type: 'varchar', length: '200' },
          { name: 'requested_at', type: instantColumnType() },
        ],
        indices: [
          {
            name: 'UQ_mandate_grant_request_target',
            columnNames: ['target_kind', 'target_key', 'department'],
            isUnique: true,
          },
        ],
      }),
    );
    await queryRunner.addColumn(
      'mandate_grant',
      new TableColumn({ name: 'approved_by', type: 'varchar', length: '200', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('mandate_grant', 'approved_by');
    await queryRunner.dropTable('mandate_grant_request');
  }
}
