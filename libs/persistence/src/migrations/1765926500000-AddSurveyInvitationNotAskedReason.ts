import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * survey_invitation.not_asked_reason: why a citizen was not asked after a contact (no address
 * by any channel, declined all messages), so "no survey" is a recorded fact, not a silence.
 */
export class AddSurveyInvitationNotAskedReason1765926500000 implements MigrationInterface {
  name = 'AddSurveyInvitationNotAskedReason1765926500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'survey_invitation',
      new TableColumn({ name: 'not_asked_reason', type: 'varchar', length: '200', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('survey_invitation', 'not_asked_reason');
  }
}
