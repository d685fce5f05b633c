import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/** Every department that is not under a secrecy statute; a secrecy department must be named. */
export const ALL_OPEN_DEPARTMENTS = '*';

/**
 * A power of attorney (fullmakt): the principal (fullmaktsgivare) lets the agent (ombud) read
 * their matters in the named departments between two Stockholm dates, both inclusive.
 * Registered by staff from the signed document; revoked, never deleted, so the record of who
 * could read what, when, stays.
 */
@Entity('power_of_attorney')
@Index('IDX_power_of_attorney_agent_principal', ['agentPersonalNumber', 'principalPersonalNumber'])
@Index('IDX_power_of_attorney_principal', ['principalPersonalNumber'])
export class PowerOfAttorney {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'principal_pn', type: 'varchar', length: 12 })
  principalPersonalNumber!: string;

  @Column({ name: 'agent_pn', type: 'varchar', length: 12 })
  agentPersonalNumber!: string;

  /** Department names, or `*` alone: every department not under secrecy. */
  @Column({ type: 'simple-json' })
  departments!: string[];

  /** First day it holds (YYYY-MM-DD, Stockholm). */
  @Column({ name: 'valid_from', type: 'varchar', length: 10 })
  validFrom!: string;

  /** Last day it holds (YYYY-MM-DD, Stockholm); null: until revoked. */
  @Column({ name: 'valid_to', type: 'varchar', length: 10, nullable: true })
  validTo!: string | null;

  @Column({ name: 'registered_by', type: 'varchar', length: 200 })
  registeredBy!: string;

  @InstantColumn({ name: 'registered_at' })
  registeredAt!: Date;

  @Column({ name: 'revoked_by', type: 'varchar', length: 200, nullable: true })
  revokedBy!: string | null;

  @InstantColumn({ name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
