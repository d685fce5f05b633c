import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instantColumnType } from '../columns';

/** knowledge_article: the first line's knowledge base, per case category. */
export class CreateKnowledgeArticle1764400000000 implements MigrationInterface {
  name = 'CreateKnowledgeArticle1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'knowledge_article',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'category_id', type: 'varchar', length: '36' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'body', type: 'text' },
          { name: 'checklist', type: 'text' },
          { name: 'routing', type: 'text' },
          { name: 'updated_by', type: 'varchar', length: '200' },
          { name: 'updated_at', type: instantColumnType() },
        ],
        indices: [{ name: 'IDX_knowledge_article_category', columnNames: ['category_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('knowledge_article');
  }
}
