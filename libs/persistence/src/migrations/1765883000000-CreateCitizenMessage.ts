import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/**
 * citizen_message: each message owed to a citizen and how its delivery went (channel, tries,
 * fallback, letter needed); citizen_notification_preference.phone: the mobile number for texts
 * (issue 25, decision 0083).
 */
export class CreateCitizenMessage1765883000000 implements MigrationInterface {
  name = 'CreateCitizenMessage1765883000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const instant = instantColumnType();
    await queryRunner.createTable(
      new Table({
        name: 'citizen_message',
        columns: [
          { name: 'key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'notice', type: 'varchar', length: '20' },
          { name: 'channel', type: 'varchar', length: '10', isNullable: true },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'fallback_used', type: 'boolean' },
          { name: 'letter_needed', type: 'boolean' },
          { name: 'letter_sent_at', type: instant, isNullable: true },
          { name: 'provider_id', type: 'varchar', length: '200', isNullable: true },
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
          { name: 'created_at', type: instant },
          { name: 'updated_at', type: instant },
        ],
      }),
    );
    await queryRunner.createIndex(
      'citizen_message',
      new TableIndex({ name: 'IDX_citizen_message_case', columnNames: ['case_id'] }),
    );
    await queryRunner.createIndex(
      'citizen_message',
      new TableIndex({
        name: 'IDX_citizen_message_letter',
        columnNames: ['letter_needed', 'letter_sent_at'],
      }),
    );
    await queryRunner.addColumn(
      'citizen_notification_preference',
      new TableColumn({ name: 'phone', type: 'varchar', length: '20', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('citizen_notification_preference', 'phone');
    await queryRunner.dropTable('citizen_message');
  }
}
