import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/** mail_delivery: each notification mail claimed before it is sent and marked after (MailDeliveries). */
export class CreateMailDelivery1765310000000 implements MigrationInterface {
  name = 'CreateMailDelivery1765310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const instant = instantColumnType();
    await queryRunner.createTable(
      new Table({
        name: 'mail_delivery',
        columns: [
          { name: 'key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'claimed_at', type: instant, isNullable: true },
          { name: 'sent_at', type: instant, isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mail_delivery');
  }
}
