import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { binaryColumnType, instantColumnType } from '../columns';

/** email_message and email_attachment: the contact address's mail in and out (decision 0080). */
export class CreateEmailMessageTables1765910000000 implements MigrationInterface {
  name = 'CreateEmailMessageTables1765910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'email_message',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'message_id', type: 'varchar', length: '998', isUnique: true },
          { name: 'case_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'direction', type: 'varchar', length: '3' },
          { name: 'disposition', type: 'varchar', length: '20' },
          { name: 'not_answered_because', type: 'varchar', length: '20', isNullable: true },
          { name: 'from_address', type: 'varchar', length: '320' },
          { name: 'to_address', type: 'varchar', length: '320' },
          { name: 'subject', type: 'varchar', length: '998' },
          { name: 'text', type: 'text' },
          { name: 'in_reply_to', type: 'varchar', length: '998', isNullable: true },
          { name: 'references_header', type: 'text', isNullable: true },
          { name: 'at', type: instantColumnType() },
        ],
        indices: [
          { name: 'IDX_email_message_case', columnNames: ['case_id', 'at'] },
          { name: 'IDX_email_message_sender', columnNames: ['from_address', 'at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'email_attachment',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email_id', type: 'varchar', length: '36' },
          { name: 'filename', type: 'varchar', length: '255' },
          { name: 'content_type', type: 'varchar', length: '100' },
          { name: 'size', type: 'integer' },
          { name: 'content', type: binaryColumnType(), isNullable: true },
          { name: 'refused_because', type: 'varchar', length: '20', isNullable: true },
        ],
        indices: [{ name: 'IDX_email_attachment_message', columnNames: ['email_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('email_attachment');
    await queryRunner.dropTable('email_message');
  }
}
