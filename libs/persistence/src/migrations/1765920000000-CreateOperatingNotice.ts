import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/** operating_notice: driftmeddelanden by category or area, valid for a period (issue 26). */
export class CreateOperatingNotice1765920000000 implements MigrationInterface {
  name = 'CreateOperatingNotice1765920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'operating_notice',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'title', type: 'varchar', length: '120' },
          { name: 'text', type: 'text' },
          { name: 'category_key', type: 'varchar', length: '60', isNullable: true },
          { name: 'area', type: 'varchar', length: '100', isNullable: true },
          { name: 'valid_from', type: instantColumnType() },
          { name: 'valid_to', type: instantColumnType() },
          { name: 'published_by', type: 'varchar', length: '200' },
          { name: 'published_at', type: instantColumnType() },
          { name: 'withdrawn_by', type: 'varchar', length: '200', isNullable: true },
          { name: 'withdrawn_at', type: instantColumnType(), isNullable: true },
        ],
        indices: [{ name: 'IDX_operating_notice_valid', columnNames: ['valid_from', 'valid_to'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('operating_notice');
  }
}
