import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/**
 * Callbacks instead of queueing (issue 25, decision 0082): callback_request (the queue, one row
 * per callback, idempotent on the platform's request id), callback_attempt (each attempt's
 * outcome) and callback_case (the cases registered during a callback).
 */
export class CreateCallbackTables1765882000000 implements MigrationInterface {
  name = 'CreateCallbackTables1765882000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const instant = instantColumnType();
    await queryRunner.createTable(
      new Table({
        name: 'callback_request',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'source', type: 'varchar', length: '10' },
          { name: 'external_id', type: 'varchar', length: '100', isNullable: true },
          { name: 'number', type: 'varchar', length: '20' },
          { name: 'queue', type: 'varchar', length: '60' },
          { name: 'party_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'requested_at', type: instant },
          { name: 'requested_day', type: 'varchar', length: '10' },
          { name: 'wanted_at', type: instant },
          { name: 'asap', type: 'boolean' },
          { name: 'due_at', type: instant },
          { name: 'expires_at', type: instant },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'attempts', type: 'integer' },
          { name: 'taken_by', type: 'varchar', length: '200', isNullable: true },
          { name: 'taken_at', type: instant, isNullable: true },
          { name: 'first_attempt_ms', type: 'integer', isNullable: true },
          { name: 'reached_ms', type: 'integer', isNullable: true },
          { name: 'closed_at', type: instant, isNullable: true },
        ],
        indices: [
          { name: 'IDX_callback_request_status_due', columnNames: ['status', 'due_at'] },
          { name: 'IDX_callback_request_day_queue', columnNames: ['requested_day', 'queue'] },
          { name: 'IDX_callback_request_external', columnNames: ['external_id'], isUnique: true },
          { name: 'IDX_callback_request_party', columnNames: ['party_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'callback_attempt',
        columns: [
          { name: 'callback_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'attempt', type: 'integer', isPrimary: true },
          { name: 'agent_id', type: 'varchar', length: '200' },
          { name: 'at', type: instant },
          { name: 'outcome', type: 'varchar', length: '12' },
          { name: 'retry_at', type: instant, isNullable: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'callback_case',
        columns: [
          { name: 'callback_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'linked_at', type: instant },
        ],
        indices: [{ name: 'IDX_callback_case_case', columnNames: ['case_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('callback_case');
    await queryRunner.dropTable('callback_attempt');
    await queryRunner.dropTable('callback_request');
  }
}
