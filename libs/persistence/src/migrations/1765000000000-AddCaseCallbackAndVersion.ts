import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * service_case: the citizen's callback details (phone in E.164, e-mail, the preferred way),
 * the display name of the case officer it is assigned to (never shown as a login id), and
 * a version for optimistic locking (two officers saving the same case).
 */
export class AddCaseCallbackAndVersion1765000000000 implements MigrationInterface {
  name = 'AddCaseCallbackAndVersion1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('service_case', [
      new TableColumn({ name: 'contact_phone', type: 'varchar', length: '20', isNullable: true }),
      new TableColumn({ name: 'contact_email', type: 'varchar', length: '254', isNullable: true }),
      new TableColumn({ name: 'contact_preferred', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'assignee_name', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'version', type: 'integer', default: 1 }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['version', 'assignee_name', 'contact_preferred', 'contact_email', 'contact_phone'])
      await queryRunner.dropColumn('service_case', column);
  }
}
