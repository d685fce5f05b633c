import { Entity, PrimaryColumn, Column } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/**
 * A person the hub has dealt with (part). The personal identity number is stored here and
 * nowhere else; every other table refers to the party id, so protection and erasure
 * happen in one place.
 */
@Entity('party')
export class Party {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Normalised, 12 digits. */
  @Column({ name: 'personal_number', type: 'varchar', length: 12, unique: true })
  personalNumber!: string;

  @InstantColumn({ name: 'created_at' })
  createdAt!: Date;
}
