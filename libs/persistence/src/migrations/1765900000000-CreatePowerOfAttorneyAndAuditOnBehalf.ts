import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/**
 * Representatives (issue 24, item 3; decision 0077): power_of_attorney holds the powers staff
 * register and revoke; audit_record says when a read was on someone's behalf (who, on what
 * basis) and when a read was refused (why).
 */
export class CreatePowerOfAttorneyAndAuditOnBehalf1765900000000 implements MigrationInterface {
  name = 'CreatePowerOfAttorneyAndAuditOnBehalf1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'power_of_attorney',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'principal_pn', type: 'varchar', length: '12' },
          { name: 'agent_pn', type: 'varchar', length: '12' },
          { name: 'departments', type: 'text' },
          { name: 'valid_from', type: 'varchar', length: '10' },
          { name: 'valid_to', type: 'varchar', length: '10', isNullable: true },
          { name: 'registered_by', type: 'varchar', length: '200' },
          { name: 'registered_at', type: instantColumnType() },
          { name: 'revoked_by', type: 'varchar', length: '200', isNullable: true },
          { name: 'revoked_at', type: instantColumnType(), isNullable: true },
        ],
        indices: [
          { name: 'IDX_power_of_attorney_agent_principal', columnNames: ['agent_pn', 'principal_pn'] },
          { name: 'IDX_power_of_attorney_principal', columnNames: ['principal_pn'] },
        ],
      }),
    );
    await queryRunner.addColumns('audit_record', [
      new TableColumn({ name: 'representative_pn', type: 'varchar', length: '12', isNullable: true }),
      new TableColumn({ name: 'representative_name', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'representation', type: 'text', isNullable: true }),
      new TableColumn({ name: 'refusal', type: 'varchar', length: '500', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['refusal', 'representation', 'representative_name', 'representative_pn'])
      await queryRunner.dropColumn('audit_record', column);
    await queryRunner.dropTable('power_of_attorney');
  }
}
