import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What an Open311 service request carries beyond its case: where (an address or a point),
 * who reported it and through which service account, and the answers to the service's
 * attributes. One row per case created through /open311/v2; only these cases are listed
 * there (a phone contact is never shown to an e-service).
 */
@Entity('open311_request')
export class Open311Request {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 }) caseId!: string;
  /** The service account (auth.serviceAccounts) whose api_key sent it. */
  @Column({ name: 'client_id', type: 'varchar', length: 200 }) clientId!: string;
  @Column({ name: 'address_string', type: 'varchar', length: 500, nullable: true }) addressString!:
    string | null;
  /** WGS84 decimal degrees as sent (text, so no rounding on either database). */
  @Column({ type: 'varchar', length: 32, nullable: true }) lat!: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) long!: string | null;
  /** The reporter's name (first_name last_name): personal data, never listed by GET requests. */
  @Column({ name: 'reporter_name', type: 'varchar', length: 200, nullable: true }) reporterName!:
    string | null;
  /** What the reporter wrote (the case summary adds the place and the attribute answers for the group). */
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'simple-json' }) attributes!: Record<string, string>;
}

/**
 * A citizen's own choice of how the hub tells them about their cases (answered, waiting for
 * them, closed). No row: e-mail to the address the case has, when it has one.
 */
@Entity('citizen_notification_preference')
export class CitizenNotificationPreference {
  @PrimaryColumn({ name: 'party_id', type: 'varchar', length: 36 }) partyId!: string;
  /** `EMAIL`, `SMS`, `MAILBOX` (the digital mailbox) or `NONE` (decision 0083). */
  @Column({ type: 'varchar', length: 10 }) channel!: string;
  /** Where the e-mail goes; null: the address given on the case. */
  @Column({ type: 'varchar', length: 254, nullable: true }) email!: string | null;
  /** The mobile number for texts, E.164; null: the number given on the case. */
  @Column({ type: 'varchar', length: 20, nullable: true }) phone!: string | null;
}
