import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/**
 * party: the one table that holds personal identity numbers, so they can be protected
 * and erased in one place. audit_record: every read of a person's data (GDPR art. 30/15).
 */
export class CreatePartyAndAuditRecord1764000000000 implements MigrationInterface {
  name = 'CreatePartyAndAuditRecord1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const instant = instantColumnType();
    await queryRunner.createTable(
      new Table({
        name: 'party',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'personal_number', type: 'varchar', length: '12', isUnique: true },
          { name: 'created_at', type: instant },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_record',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'occurred_at', type: instant },
          { name: 'actor_subject', type: 'varchar', length: '200' },
          { name: 'actor_role', type: 'varchar', length: '32' },
          { name: 'party_id', type: 'varchar', length: '36' },
          { name: 'plugins', type: 'text' },
          { name: 'purpose', type: 'varchar', length: '500', isNullable: true },
          { name: 'request_id', type: 'varchar', length: '100' },
        ],
        foreignKeys: [
          { columnNames: ['party_id'], referencedTableName: 'party', referencedColumnNames: ['id'] },
        ],
        indices: [{ name: 'IDX_audit_record_party_occurred', columnNames: ['party_id', 'occurred_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_record');
    await queryRunner.dropTable('party');
  }
}
