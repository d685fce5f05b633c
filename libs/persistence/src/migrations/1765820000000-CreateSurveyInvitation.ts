import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/** survey_invitation: the citizen's one question after a contact, and its answer (issue 25). */
export class CreateSurveyInvitation1765820000000 implements MigrationInterface {
  name = 'CreateSurveyInvitation1765820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'survey_invitation',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36', isUnique: true },
          { name: 'token_hash', type: 'varchar', length: '64', isNullable: true, isUnique: true },
          { name: 'channel', type: 'varchar', length: '20' },
          { name: 'category_id', type: 'varchar', length: '36' },
          { name: 'answer_group_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'sent_by', type: 'varchar', length: '20', isNullable: true },
          { name: 'created_at', type: instantColumnType() },
          { name: 'sent_at', type: instantColumnType(), isNullable: true },
          { name: 'expires_at', type: instantColumnType() },
          { name: 'answered_at', type: instantColumnType(), isNullable: true },
          { name: 'score', type: 'integer', isNullable: true },
          { name: 'comment', type: 'text', isNullable: true },
          { name: 'answered_day', type: 'varchar', length: '10', isNullable: true },
        ],
        indices: [{ name: 'IDX_survey_invitation_answered_day', columnNames: ['answered_day'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('survey_invitation');
  }
}
