import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/** Cases (ärenden), their events, answer groups (svarsgrupper) and categories. */
export class CreateCaseTables1764300000000 implements MigrationInterface {
  name = 'CreateCaseTables1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const instant = instantColumnType();
    const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
    await queryRunner.createTable(
      new Table({
        name: 'answer_group',
        columns: [
          id,
          { name: 'key', type: 'varchar', length: '60', isUnique: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'department', type: 'varchar', length: '200' },
          { name: 'notification_email', type: 'varchar', length: '200' },
          { name: 'manager', type: 'text' },
          { name: 'members', type: 'text' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'case_category',
        columns: [
          id,
          { name: 'key', type: 'varchar', length: '60', isUnique: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'sla_working_days', type: 'integer' },
          { name: 'confidential', type: 'boolean' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'service_case',
        columns: [
          id,
          { name: 'reference', type: 'varchar', length: '30', isUnique: true },
          { name: 'channel', type: 'varchar', length: '20' },
          { name: 'category_id', type: 'varchar', length: '36' },
          { name: 'party_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'summary', type: 'text' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'resolved_at_first_line', type: 'boolean' },
          { name: 'answer_group_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'assignee_subject', type: 'varchar', length: '200', isNullable: true },
          { name: 'forwarded_at', type: instant, isNullable: true },
          { name: 'due_at', type: instant, isNullable: true },
          { name: 'first_reply_at', type: instant, isNullable: true },
          { name: 'resolution', type: 'text', isNullable: true },
          { name: 'registered_by', type: 'varchar', length: '200' },
          { name: 'created_at', type: instant },
          { name: 'closed_at', type: instant, isNullable: true },
        ],
        indices: [
          { name: 'IDX_service_case_party', columnNames: ['party_id'] },
          { name: 'IDX_service_case_status_due', columnNames: ['status', 'due_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'case_event',
        columns: [
          id,
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'type', type: 'varchar', length: '30' },
          { name: 'at', type: instant },
          { name: 'actor_subject', type: 'varchar', length: '200' },
          { name: 'actor_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'message', type: 'text', isNullable: true },
          { name: 'internal', type: 'boolean' },
        ],
        indices: [{ name: 'IDX_case_event_case', columnNames: ['case_id', 'at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['case_event', 'service_case', 'case_category', 'answer_group'])
      await queryRunner.dropTable(table);
  }
}
