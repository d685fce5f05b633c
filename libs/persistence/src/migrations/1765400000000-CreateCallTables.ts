import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/**
 * The contact log of calls (issue 15): call_event (each event of a call once, which makes
 * the telephony webhook idempotent), call_contact (one row per call, rebuilt from its events,
 * with the Stockholm day, week and month of the offer for the service goals' GROUP BY) and
 * call_case (the cases registered during a call).
 */
export class CreateCallTables1765400000000 implements MigrationInterface {
  name = 'CreateCallTables1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const instant = instantColumnType();
    await queryRunner.createTable(
      new Table({
        name: 'call_event',
        columns: [
          { name: 'call_id', type: 'varchar', length: '100', isPrimary: true },
          { name: 'event', type: 'varchar', length: '20', isPrimary: true },
          { name: 'at', type: instant },
          { name: 'queue', type: 'varchar', length: '60' },
          { name: 'from_number', type: 'varchar', length: '20', isNullable: true },
          { name: 'to_number', type: 'varchar', length: '20' },
          { name: 'agent_id', type: 'varchar', length: '200', isNullable: true },
          { name: 'ivr_personal_number', type: 'varchar', length: '12', isNullable: true },
          { name: 'received_at', type: instant },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'call_contact',
        columns: [
          { name: 'call_id', type: 'varchar', length: '100', isPrimary: true },
          { name: 'queue', type: 'varchar', length: '60' },
          { name: 'from_number', type: 'varchar', length: '20', isNullable: true },
          { name: 'to_number', type: 'varchar', length: '20' },
          { name: 'ivr_personal_number', type: 'varchar', length: '12', isNullable: true },
          { name: 'agent_id', type: 'varchar', length: '200', isNullable: true },
          { name: 'outcome', type: 'varchar', length: '20' },
          { name: 'offered_at', type: instant },
          { name: 'answered_at', type: instant, isNullable: true },
          { name: 'ended_at', type: instant, isNullable: true },
          { name: 'wait_ms', type: 'integer', isNullable: true },
          { name: 'talk_ms', type: 'integer', isNullable: true },
          { name: 'offered_day', type: 'varchar', length: '10' },
          { name: 'offered_week', type: 'varchar', length: '8' },
          { name: 'offered_month', type: 'varchar', length: '7' },
          { name: 'updated_at', type: instant },
        ],
        indices: [
          { name: 'IDX_call_contact_day_queue', columnNames: ['offered_day', 'queue'] },
          { name: 'IDX_call_contact_outcome', columnNames: ['outcome'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'call_case',
        columns: [
          { name: 'call_id', type: 'varchar', length: '100', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'linked_at', type: instant },
        ],
        indices: [{ name: 'IDX_call_case_case', columnNames: ['case_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('call_case');
    await queryRunner.dropTable('call_contact');
    await queryRunner.dropTable('call_event');
  }
}
