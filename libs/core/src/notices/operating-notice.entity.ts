import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/**
 * A driftmeddelande: what the municipality knows is wrong or changed right now (the collection
 * is late in an area, the e-service is down), for a category, an area or both, valid for a
 * period. Agents read it aloud beside the category, citizens with a case in it see it, the IVR
 * greets callers with it, Open311 returns it with the service. Withdrawn, never deleted.
 */
@Entity('operating_notice')
@Index('IDX_operating_notice_valid', ['validFrom', 'validTo'])
export class OperatingNotice {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 120 }) title!: string;
  @Column({ type: 'text' }) text!: string;
  /** The category it concerns (its key), or null for an area only. */
  @Column({ name: 'category_key', type: 'varchar', length: 60, nullable: true }) categoryKey!: string | null;
  /** The area it concerns, from the configured list, or null for the whole municipality. */
  @Column({ type: 'varchar', length: 100, nullable: true }) area!: string | null;
  @InstantColumn({ name: 'valid_from' }) validFrom!: Date;
  @InstantColumn({ name: 'valid_to' }) validTo!: Date;
  @Column({ name: 'published_by', type: 'varchar', length: 200 }) publishedBy!: string;
  @InstantColumn({ name: 'published_at' }) publishedAt!: Date;
  @Column({ name: 'withdrawn_by', type: 'varchar', length: 200, nullable: true }) withdrawnBy!: string | null;
  @InstantColumn({ name: 'withdrawn_at', nullable: true }) withdrawnAt!: Date | null;
}
