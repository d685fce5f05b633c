import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/** The caller identified with BankID during a call (issue 24, decision 0076): one row per attempt. */
export class CreateCallerIdentification1765811000000 implements MigrationInterface {
  name = 'CreateCallerIdentification1765811000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number, nullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    });
    await queryRunner.createTable(
      new Table({
        name: 'caller_identification',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('personal_number', 12),
          text('party_id', 36),
          text('agent_subject', 200),
          text('agent_name', 200, true),
          text('call_id', 100, true),
          text('case_id', 36, true),
          text('method', 20),
          text('status', 20),
          text('order_ref', 100, true),
          text('hint_code', 60, true),
          text('failure', 60, true),
          text('identified_personal_number', 12, true),
          text('identified_name', 200, true),
          text('exception_reason', 40, true),
          text('exception_note', 500, true),
          { name: 'started_at', type: instantColumnType() },
          { name: 'finished_at', type: instantColumnType(), isNullable: true },
          { name: 'valid_until', type: instantColumnType(), isNullable: true },
        ],
        indices: [
          {
            name: 'IDX_caller_identification_agent_person',
            columnNames: ['agent_subject', 'personal_number', 'status'],
          },
          { name: 'IDX_caller_identification_call', columnNames: ['call_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('caller_identification');
  }
}
