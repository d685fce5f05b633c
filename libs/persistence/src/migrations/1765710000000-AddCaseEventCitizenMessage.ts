import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * case_event.citizen_message: the text written for the citizen ("Syns för invånaren"), apart
 * from the staff text in `message`, which the citizen no longer sees (issue 23). Earlier events
 * get none: what staff wrote then was not written for the citizen, so nothing of it is shown.
 */
export class AddCaseEventCitizenMessage1765710000000 implements MigrationInterface {
  name = 'AddCaseEventCitizenMessage1765710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'case_event',
      new TableColumn({ name: 'citizen_message', type: 'text', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('case_event', 'citizen_message');
  }
}
