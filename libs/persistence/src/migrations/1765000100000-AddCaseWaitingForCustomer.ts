import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/**
 * service_case, for a case waiting for the citizen (väntar på komplettering): when it wakes
 * up, since when it has waited, the SLA working days left when it was parked, and the working
 * days its clock stood still before the group's first answer (statistics leave them out).
 */
export class AddCaseWaitingForCustomer1765000100000 implements MigrationInterface {
  name = 'AddCaseWaitingForCustomer1765000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const instant = instantColumnType();
    await queryRunner.addColumns('service_case', [
      new TableColumn({ name: 'wake_at', type: instant, isNullable: true }),
      new TableColumn({ name: 'waiting_since', type: instant, isNullable: true }),
      new TableColumn({ name: 'sla_days_left', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'sla_paused_working_days', type: 'integer', default: 0 }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['sla_paused_working_days', 'sla_days_left', 'waiting_since', 'wake_at'])
      await queryRunner.dropColumn('service_case', column);
  }
}
