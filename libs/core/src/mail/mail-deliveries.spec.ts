import type { DataSource } from 'typeorm';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { MailDelivery } from './mail-delivery.entity';
import { MAIL_CLAIM_LEASE_MS, MailDeliveries, MailDeliveryInProgress } from './mail-deliveries';

describe('each owed mail goes out once (claim, send, mark)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let now = Date.parse('2026-12-02T09:00:00Z');
  const clock = () => new Date(now);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [MailDelivery]);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** A send that counts itself and, when told to, waits until it is let go. */
  function sender() {
    const sent: string[] = [];
    let release: () => void = () => undefined;
    return {
      sent,
      send: (name: string) => async () => void sent.push(name),
      blocked: (name: string) => ({
        send: () =>
          new Promise<void>((resolve) => {
            release = () => {
              sent.push(name);
              resolve();
            };
          }),
        release: () => release(),
      }),
    };
  }

  it('sends once, and a job run again finds it sent', async () => {
    const deliveries = new MailDeliveries(dataSource, clock);
    const mail = sender();
    const recorded: string[] = [];
    const onFirstClaim = async () => void recorded.push('event');
    expect(await deliveries.deliverOnce('alarm:a:1', mail.send('first'), onFirstClaim)).toBe('sent');
    expect(await deliveries.deliverOnce('alarm:a:1', mail.send('again'), onFirstClaim)).toBe('already-sent');
    expect(mail.sent).toEqual(['first']);
    expect(recorded).toEqual(['event']);
    const row = await dataSource.getRepository(MailDelivery).findOneByOrFail({ key: 'alarm:a:1' });
    expect(row.sentAt?.getTime()).toBe(now);
  });

  it('keeps a second runner off a mail being sent (a stalled job re-run beside the live one)', async () => {
    const deliveries = new MailDeliveries(dataSource, clock);
    const mail = sender();
    const slow = mail.blocked('live');
    const live = deliveries.deliverOnce('alarm:b:1', slow.send);
    await waitUntilClaimed('alarm:b:1');
    await expect(deliveries.deliverOnce('alarm:b:1', mail.send('rerun'))).rejects.toBeInstanceOf(
      MailDeliveryInProgress,
    );
    slow.release();
    expect(await live).toBe('sent');
    expect(mail.sent).toEqual(['live']);
  });

  it("takes over a dead sender's claim after the lease, without recording it twice", async () => {
    const deliveries = new MailDeliveries(dataSource, clock);
    const mail = sender();
    const recorded: string[] = [];
    const onFirstClaim = async () => void recorded.push('event');
    // The first sender claimed and died before it sent: its promise never settles.
    void deliveries.deliverOnce('alarm:c:1', mail.blocked('dead').send, onFirstClaim);
    await waitUntilClaimed('alarm:c:1');
    now += MAIL_CLAIM_LEASE_MS - 1;
    await expect(
      deliveries.deliverOnce('alarm:c:1', mail.send('early'), onFirstClaim),
    ).rejects.toBeInstanceOf(MailDeliveryInProgress);
    now += 2;
    expect(await deliveries.deliverOnce('alarm:c:1', mail.send('takeover'), onFirstClaim)).toBe('sent');
    expect(mail.sent).toEqual(['takeover']);
    expect(recorded).toEqual(['event']);
  });

  it('lets the next try send at once when the relay refused (nothing went out)', async () => {
    const deliveries = new MailDeliveries(dataSource, clock);
    const mail = sender();
    const refused = async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:25');
    };
    await expect(deliveries.deliverOnce('alarm:d:1', refused)).rejects.toThrow('ECONNREFUSED');
    expect(await deliveries.deliverOnce('alarm:d:1', mail.send('retry'))).toBe('sent');
    expect(mail.sent).toEqual(['retry']);
  });

  async function waitUntilClaimed(key: string): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const row = await dataSource.getRepository(MailDelivery).findOneBy({ key });
      if (row?.claimedAt) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`${key} was never claimed`);
  }
});
