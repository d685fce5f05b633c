import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/**
 * mandate_grant: mandate levels admins grant at run time; access_change: the append-only
 * record of every grant and revoke; audit_record.field_groups: which parts of a person's
 * data a read touched (statuses, sources, a plugin's detail field).
 */
export class CreateAccessTables1764500000000 implements MigrationInterface {
  name = 'CreateAccessTables1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const instant = instantColumnType();
    await queryRunner.createTable(
      new Table({
        name: 'mandate_grant',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'target_kind', type: 'varchar', length: '20' },
          { name: 'target_key', type: 'varchar', length: '100' },
          { name: 'department', type: 'varchar', length: '100' },
          { name: 'level', type: 'integer' },
          { name: 'granted_by', type: 'varchar', length: '200' },
          { name: 'granted_at', type: instant },
        ],
        indices: [
          {
            name: 'UQ_mandate_grant_target_department',
            columnNames: ['target_kind', 'target_key', 'department'],
            isUnique: true,
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'access_change',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'occurred_at', type: instant },
          { name: 'actor_subject', type: 'varchar', length: '200' },
          { name: 'actor_role', type: 'varchar', length: '32' },
          { name: 'action', type: 'varchar', length: '20' },
          { name: 'target_kind', type: 'varchar', length: '20' },
          { name: 'target_key', type: 'varchar', length: '100' },
          { name: 'department', type: 'varchar', length: '100' },
          { name: 'level_before', type: 'integer', isNullable: true },
          { name: 'level_after', type: 'integer', isNullable: true },
          { name: 'request_id', type: 'varchar', length: '100' },
        ],
        indices: [{ name: 'IDX_access_change_occurred', columnNames: ['occurred_at'] }],
      }),
    );
    await queryRunner.addColumn(
      'audit_record',
      new TableColumn({ name: 'field_groups', type: 'text', default: "'[]'" }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('audit_record', 'field_groups');
    await queryRunner.dropTable('access_change');
    await queryRunner.dropTable('mandate_grant');
  }
}
