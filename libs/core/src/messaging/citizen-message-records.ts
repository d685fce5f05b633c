import type { DataSource } from 'typeorm';
import type { MessageChannel, MessageReceipt } from './citizen-messenger';
import { CitizenMessageRecord } from './citizen-message.entity';

/** Reads and moves a message's delivery status; every write names the message by its key. */
export class CitizenMessageRecords {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get repository() {
    return this.dataSource.getRepository(CitizenMessageRecord);
  }

  /** The message's record, made QUEUED the first time (a re-run finds the one there). */
  async open(key: string, caseId: string, notice: string): Promise<CitizenMessageRecord> {
    const at = this.now();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(CitizenMessageRecord)
      .values({
        key,
        caseId,
        notice,
        channel: null,
        status: 'QUEUED',
        attempts: 0,
        fallbackUsed: false,
        letterNeeded: false,
        letterSentAt: null,
        providerId: null,
        lastError: null,
        createdAt: at,
        updatedAt: at,
      })
      .orIgnore()
      .execute();
    return this.repository.findOneByOrFail({ key });
  }

  find(key: string): Promise<CitizenMessageRecord | null> {
    return this.repository.findOneBy({ key });
  }

  /** The provider reports the message delivered (an SMS delivery report). */
  async delivered(record: CitizenMessageRecord): Promise<void> {
    await this.update(record, { status: 'DELIVERED' });
  }

  /**
   * The provider reports the message undelivered after all: queued again with its channel's
   * tries used up, so the next run goes on with the next channel.
   */
  async undelivered(record: CitizenMessageRecord, triesUsed: number, reason: string): Promise<void> {
    await this.update(record, { status: 'QUEUED', attempts: triesUsed, lastError: reason });
  }

  /** The message goes by `channel` now; a channel after the first is a fallback. */
  async moveTo(record: CitizenMessageRecord, channel: MessageChannel): Promise<void> {
    const fallbackUsed = record.fallbackUsed || record.channel !== null;
    await this.update(record, { channel, attempts: 0, fallbackUsed });
  }

  async failedTry(record: CitizenMessageRecord, error: unknown): Promise<void> {
    await this.update(record, { attempts: record.attempts + 1, lastError: reasonOf(error) });
  }

  async sent(record: CitizenMessageRecord, receipt: MessageReceipt | void): Promise<void> {
    await this.update(record, {
      status: receipt?.delivered ? 'DELIVERED' : 'SENT',
      providerId: receipt?.providerId ?? record.providerId,
    });
  }

  /** No channel reached the citizen: a letter if the hub knows who they are. */
  async exhausted(record: CitizenMessageRecord, letterNeeded: boolean, reason: string | null): Promise<void> {
    await this.update(record, {
      status: 'FAILED',
      letterNeeded,
      lastError: reason ?? record.lastError,
    });
  }

  private async update(record: CitizenMessageRecord, change: Partial<CitizenMessageRecord>): Promise<void> {
    Object.assign(record, change, { updatedAt: this.now() });
    await this.repository.update({ key: record.key }, { ...change, updatedAt: record.updatedAt });
  }
}

function reasonOf(error: unknown): string {
  // Not `instanceof Error`: fetch's errors may come from another realm.
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  const text = typeof message === 'string' ? `${String(name ?? 'Error')}: ${message}` : String(error);
  return text.slice(0, 500);
}
