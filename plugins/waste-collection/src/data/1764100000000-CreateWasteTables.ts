import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The waste plugin's own tables: the imported export and the import log. */
export class CreateWasteTables1764100000000 implements MigrationInterface {
  name = 'CreateWasteTables1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'waste_property',
        columns: [
          { name: 'property_id', type: 'varchar', length: '50', isPrimary: true },
          { name: 'address', type: 'varchar', length: '200' },
          { name: 'address_key', type: 'varchar', length: '200' },
          { name: 'postal_code', type: 'varchar', length: '10' },
          { name: 'city', type: 'varchar', length: '100' },
          { name: 'customer_personal_number', type: 'varchar', length: '12' },
        ],
        indices: [
          { name: 'IDX_waste_property_address_key', columnNames: ['address_key'] },
          { name: 'IDX_waste_property_customer', columnNames: ['customer_personal_number'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'waste_bin',
        columns: [
          { name: 'bin_id', type: 'varchar', length: '50', isPrimary: true },
          { name: 'property_id', type: 'varchar', length: '50' },
          { name: 'bin_type', type: 'varchar', length: '40' },
          { name: 'size_liters', type: 'integer' },
          { name: 'interval', type: 'varchar', length: '20' },
          { name: 'subscription_status', type: 'varchar', length: '20' },
          { name: 'next_pickup', type: 'varchar', length: '10' },
        ],
        foreignKeys: [{ columnNames: ['property_id'], referencedTableName: 'waste_property', referencedColumnNames: ['property_id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'waste_import',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'imported_at', type: 'varchar', length: '30' },
          { name: 'rows_imported', type: 'integer' },
          { name: 'rows_rejected', type: 'integer' },
          { name: 'rejections', type: 'text' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('waste_bin');
    await queryRunner.dropTable('waste_property');
    await queryRunner.dropTable('waste_import');
  }
}
