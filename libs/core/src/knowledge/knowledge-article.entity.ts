import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/**
 * A knowledge-base article (kunskapsdatabas, Järfälla): what the first line needs to answer
 * a category of questions itself, a checklist, and how to route the case further when it cannot.
 */
@Entity('knowledge_article')
@Index('IDX_knowledge_article_category', ['categoryId'])
export class KnowledgeArticle {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'category_id', type: 'varchar', length: 36 }) categoryId!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'simple-json' }) checklist!: string[];
  /** "Hur ärendet lämnas vidare": which answer group, what to write. */
  @Column({ type: 'text' }) routing!: string;
  @Column({ name: 'updated_by', type: 'varchar', length: 200 }) updatedBy!: string;
  @InstantColumn({ name: 'updated_at' }) updatedAt!: Date;
}
