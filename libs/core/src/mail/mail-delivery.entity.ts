import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@frontdoor/persistence';

/**
 * One notification mail the case chain owes (keyed by the job that owes it): claimed before
 * it is sent, marked sent after the relay accepted it. See `MailDeliveries`.
 */
@Entity('mail_delivery')
export class MailDelivery {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  /** Null until a sender takes it; a claim older than the lease is a sender that died. */
  @InstantColumn({ name: 'claimed_at', nullable: true })
  claimedAt!: Date | null;

  @InstantColumn({ name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}
