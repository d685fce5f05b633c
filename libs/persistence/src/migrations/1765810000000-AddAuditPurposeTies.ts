import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * audit_record.purpose_reason / purpose_case_id / purpose_call_id: the purpose chosen from the
 * configured list and the case or call a read was for (issue 24). Earlier rows have none: their
 * purpose stays the free text in `purpose`.
 */
export class AddAuditPurposeTies1765810000000 implements MigrationInterface {
  name = 'AddAuditPurposeTies1765810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('audit_record', [
      new TableColumn({ name: 'purpose_reason', type: 'varchar', length: '40', isNullable: true }),
      new TableColumn({ name: 'purpose_case_id', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'purpose_call_id', type: 'varchar', length: '100', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['purpose_call_id', 'purpose_case_id', 'purpose_reason'])
      await queryRunner.dropColumn('audit_record', column);
  }
}
