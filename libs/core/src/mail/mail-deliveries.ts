import { IsNull, LessThan, type DataSource, type EntityManager } from 'typeorm';
import { MailDelivery } from './mail-delivery.entity';

/** Another sender holds this mail's claim and may be sending it now: the job retries later. */
export class MailDeliveryInProgress extends Error {
  constructor(key: string) {
    super(`mail ${key} is being sent by another worker; trying again later`);
    this.name = 'MailDeliveryInProgress';
  }
}

/**
 * A sender is presumed dead when its claim is older than this. It must exceed the longest a
 * send can take (the mailer's SMTP timeouts: 5 s to connect, 5 s for the greeting, 10 s idle)
 * and stay below BullMQ's stalled-job recovery (30 s lock), so the job re-run after a worker
 * died finds the claim expired and sends at once instead of spending its retries waiting.
 */
export const MAIL_CLAIM_LEASE_MS = 20_000;

export type DeliveryOutcome = 'sent' | 'already-sent';

/**
 * Each mail the case chain owes goes out once, whatever the number of workers and however a
 * job is re-run (BullMQ's stalled-job check re-runs a job whose worker died, or only stalled).
 * The sender claims the mail in the database before it sends and marks it sent after the relay
 * accepted it. A second runner meanwhile finds the claim and backs off; a claim past its lease
 * belonged to a sender that died, and is taken over. Only a sender killed in the moment between
 * the relay's "250 OK" and the mark can cause a second copy, and that copy carries the same
 * Message-ID (`MailMessage.deliveryKey`), so the relay or the reader's client can drop it.
 */
export class MailDeliveries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * `onFirstClaim` runs in the claim's transaction, once per mail (not again when a dead
   * sender's claim is taken over): the record that the mail was due, e.g. the case event.
   */
  async deliverOnce(
    key: string,
    send: () => Promise<void>,
    onFirstClaim?: (tx: EntityManager) => Promise<void>,
  ): Promise<DeliveryOutcome> {
    const claim = await this.claim(key, onFirstClaim);
    if (claim === 'already-sent') return claim;
    if (claim === 'busy') throw new MailDeliveryInProgress(key);
    const deliveries = this.dataSource.getRepository(MailDelivery);
    try {
      await send();
    } catch (error) {
      // The relay refused or was unreachable: nothing went out, so the next try may take the
      // claim over at once (an old claim) instead of waiting out the lease.
      await deliveries.update({ key, sentAt: IsNull() }, { claimedAt: new Date(0) });
      throw error;
    }
    await deliveries.update({ key }, { sentAt: this.now() });
    return 'sent';
  }

  private async claim(
    key: string,
    onFirstClaim?: (tx: EntityManager) => Promise<void>,
  ): Promise<'claimed' | 'reclaimed' | 'already-sent' | 'busy'> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(MailDelivery)
      .values({ key, claimedAt: null, sentAt: null })
      .orIgnore()
      .execute();
    if (this.dataSource.options.type === 'postgres')
      return this.dataSource.transaction((tx) => this.takeClaim(tx, key, onFirstClaim));
    // SQLite: one connection for every caller in the process, where TypeORM turns a transaction
    // begun while another is open (a request's case change, another job's claim) into a
    // savepoint inside it, and interleaving ones fail ("no such savepoint"). There is one
    // writer process: the statements in order, each atomic, do; a failed record frees the claim.
    try {
      return await this.takeClaim(this.dataSource.manager, key, onFirstClaim);
    } catch (error) {
      await this.dataSource
        .getRepository(MailDelivery)
        .update({ key, sentAt: IsNull() }, { claimedAt: null })
        .catch(() => undefined);
      throw error;
    }
  }

  private async takeClaim(
    tx: EntityManager,
    key: string,
    onFirstClaim?: (tx: EntityManager) => Promise<void>,
  ): Promise<'claimed' | 'reclaimed' | 'already-sent' | 'busy'> {
    const now = this.now();
    const first = await tx.update(
      MailDelivery,
      { key, sentAt: IsNull(), claimedAt: IsNull() },
      { claimedAt: now },
    );
    if (first.affected) {
      await onFirstClaim?.(tx);
      return 'claimed';
    }
    const staleBefore = new Date(now.getTime() - MAIL_CLAIM_LEASE_MS);
    const stale = await tx.update(
      MailDelivery,
      { key, sentAt: IsNull(), claimedAt: LessThan(staleBefore) },
      { claimedAt: now },
    );
    if (stale.affected) return 'reclaimed';
    const row = await tx.findOneBy(MailDelivery, { key });
    return row?.sentAt ? 'already-sent' : 'busy';
  }
}
