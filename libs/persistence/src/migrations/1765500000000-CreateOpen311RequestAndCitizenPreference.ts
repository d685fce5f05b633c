import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * open311_request: an Open311 service request's location, reporter and attribute answers,
 * beside its case (one row per case made through /open311/v2). citizen_notification_preference:
 * how a citizen wants to hear about their cases (issue 16).
 */
export class CreateOpen311RequestAndCitizenPreference1765500000000 implements MigrationInterface {
  name = 'CreateOpen311RequestAndCitizenPreference1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'open311_request',
        columns: [
          { name: 'case_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'client_id', type: 'varchar', length: '200' },
          { name: 'address_string', type: 'varchar', length: '500', isNullable: true },
          { name: 'lat', type: 'varchar', length: '32', isNullable: true },
          { name: 'long', type: 'varchar', length: '32', isNullable: true },
          { name: 'reporter_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'description', type: 'text' },
          { name: 'attributes', type: 'text' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'citizen_notification_preference',
        columns: [
          { name: 'party_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'channel', type: 'varchar', length: '10' },
          { name: 'email', type: 'varchar', length: '254', isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('citizen_notification_preference');
    await queryRunner.dropTable('open311_request');
  }
}
