import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { JobQueue } from '@frontdoor/jobs';
import { ServiceCase } from '../cases/case.entities';
import { markStatisticsDaysChanged, statisticsDayOf } from '../statistics/statistics-rollup';
import { CallContact, CallEventRecord } from '../telephony/call.entities';
import { CallbackRequest } from '../callbacks/callback.entities';
import { RetentionRun } from './retention-run.entity';

/**
 * How long each kind of record is kept (gallring per the municipality's records plan,
 * dokumenthanteringsplan), in days; a kind left out (null) is kept. The defaults are a
 * starting point, not a records plan: set them from yours (docs/configuration.md).
 */
export const retentionSettingsSchema = z
  .object({
    /** Audit rows (who read whose data), by when the read happened. */
    auditRecordsDays: z.number().int().min(30).nullable().default(730),
    /** Closed cases and their events, by when the case was closed; open cases are never removed. */
    closedCasesDays: z.number().int().min(30).nullable().default(1095),
    /**
     * The contact log (calls: caller's number, IVR personal number, agent, times), by when the
     * call was offered; with its events and its links to cases. Longer than a year by default:
     * the published service results show this year and last month (issue 15).
     */
    contactLogDays: z.number().int().min(30).nullable().default(400),
    /**
     * After this many days a call keeps its times, queue and outcome (the service goals) but
     * no longer the caller's number or the personal number keyed in the IVR.
     */
    contactLogPersonalDataDays: z.number().int().min(1).nullable().default(90),
    /** Failed jobs (the SQL queue's, and BullMQ's in Redis), by when they last failed. */
    failedJobsDays: z.number().int().min(1).nullable().default(90),
    /** Rows removed per statement, so a run never holds a table or the service for long. */
    batchSize: z.number().int().min(1).max(10_000).default(1000),
  })
  .strict();

export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export type RetentionKind =
  | 'audit_record'
  | 'service_case'
  | 'case_event'
  | 'job'
  | 'call_contact'
  | 'call_contact_blanked'
  | 'callback_request'
  | 'callback_request_blanked';

/** What one run removed: counts per kind, never content. */
export interface RetentionReport {
  ranAt: Date;
  removed: Record<RetentionKind, number>;
}

export const RETENTION_JOB = 'retention.nightly';

const DAY = 86_400_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Removes what is past its period, in batches of `batchSize` (select the ids, delete them by
 * id, yield to the event loop, repeat), and records the counts in retention_run. The one
 * deleting path for the audit log: on PostgreSQL it runs as the retention role
 * (tools/sql/postgres-retention-role.sql), which the application role is not.
 */
export async function runRetention(
  dataSource: DataSource,
  settings: RetentionSettings,
  now: Date = new Date(),
  /** The job queue, when its failed jobs live outside this database (BullMQ on Redis). */
  queue?: Pick<JobQueue, 'removeFailed'>,
): Promise<RetentionReport> {
  const removed: Record<RetentionKind, number> = {
    audit_record: 0,
    service_case: 0,
    case_event: 0,
    job: 0,
    call_contact: 0,
    call_contact_blanked: 0,
    callback_request: 0,
    callback_request_blanked: 0,
  };
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const inBatches = async (select: () => Promise<string[]>, remove: (ids: string[]) => Promise<void>) => {
    for (;;) {
      const ids = await select();
      if (ids.length) await remove(ids);
      await nextTurn();
      if (ids.length < settings.batchSize) return;
    }
  };
  /** One batch of ids of `table` rows past the cutoff (`where` names the row as `t`). */
  const idsPast = async (table: string, where: string, cutoff: Date): Promise<string[]> =>
    (
      await dataSource
        .createQueryBuilder()
        .select('t.id', 'id')
        .from(table, 't')
        .where(where, { cutoff })
        .limit(settings.batchSize)
        .getRawMany<{ id: string }>()
    ).map((row) => row.id);
  const deleteWhereIn = (
    runner: DataSource | EntityManager,
    table: string,
    column: string,
    batch: string[],
  ) =>
    runner.createQueryBuilder().delete().from(table).where(`${column} IN (:...batch)`, { batch }).execute();

  if (settings.auditRecordsDays !== null) {
    const cutoff = before(settings.auditRecordsDays);
    await inBatches(
      () => idsPast('audit_record', 't.occurred_at < :cutoff', cutoff),
      async (batch) => {
        await deleteWhereIn(dataSource, 'audit_record', 'id', batch);
        removed.audit_record += batch.length;
      },
    );
  }

  if (settings.closedCasesDays !== null) {
    const cutoff = before(settings.closedCasesDays);
    await inBatches(
      () => idsPast('service_case', "t.status = 'CLOSED' AND t.closed_at < :cutoff", cutoff),
      (batch) =>
        dataSource.transaction(async (tx) => {
          const created = await tx
            .getRepository(ServiceCase)
            .find({ select: { id: true, createdAt: true }, where: { id: In(batch) } });
          // A case's events go with it, in one transaction: no event outlives its case.
          const events = await deleteWhereIn(tx, 'case_event', 'case_id', batch);
          // An Open311 request's address and reporter are the case's personal data too.
          await deleteWhereIn(tx, 'open311_request', 'case_id', batch);
          // So is its e-mail thread, attachments first (decision 0080).
          await tx
            .createQueryBuilder()
            .delete()
            .from('email_attachment')
            .where('email_id IN (SELECT m.id FROM email_message m WHERE m.case_id IN (:...batch))', { batch })
            .execute();
          await deleteWhereIn(tx, 'email_message', 'case_id', batch);
          // How the citizen's notices were delivered is the case's record too (decision 0083).
          await deleteWhereIn(tx, 'citizen_message', 'case_id', batch);
          await deleteWhereIn(tx, 'service_case', 'id', batch);
          // The statistics count what is kept: the days of removed cases are counted again (decision 0042).
          await markStatisticsDaysChanged(
            tx,
            created.map((c) => statisticsDayOf(c.createdAt)),
          );
          removed.case_event += events.affected ?? 0;
          removed.service_case += batch.length;
        }),
    );
  }

  if (settings.closedCasesDays !== null) {
    // Mail recorded without a case (bounces, auto-replies, loops) holds a sender's address: it
    // goes after the closed cases' period, counted from when it arrived.
    const cutoff = before(settings.closedCasesDays);
    await inBatches(
      () => idsPast('email_message', 't.case_id IS NULL AND t.at < :cutoff', cutoff),
      (batch) =>
        dataSource.transaction(async (tx) => {
          await deleteWhereIn(tx, 'email_attachment', 'email_id', batch);
          await deleteWhereIn(tx, 'email_message', 'id', batch);
        }),
    );
  }

  /** One batch of call ids offered before the cutoff (and matching `extra`). */
  const callsPast = async (cutoff: Date, extra = ''): Promise<string[]> =>
    (
      await dataSource
        .createQueryBuilder()
        .select('t.call_id', 'id')
        .from('call_contact', 't')
        .where(`t.offered_at < :cutoff${extra}`, { cutoff })
        .limit(settings.batchSize)
        .getRawMany<{ id: string }>()
    ).map((row) => row.id);

  if (settings.contactLogDays !== null) {
    const cutoff = before(settings.contactLogDays);
    await inBatches(
      () => callsPast(cutoff),
      (batch) =>
        dataSource.transaction(async (tx) => {
          // The call's events and case links go with it: nothing of the call outlives it.
          await deleteWhereIn(tx, 'call_event', 'call_id', batch);
          await deleteWhereIn(tx, 'call_case', 'call_id', batch);
          await deleteWhereIn(tx, 'call_contact', 'call_id', batch);
          removed.call_contact += batch.length;
        }),
    );
  }

  // Callbacks (decision 0082) are contacts too: kept as long as the calls, closed ones only
  // (a callback is open at most telephony.callbacks.validHours).
  const closedCallback = "t.status NOT IN ('WAITING', 'TAKEN') AND t.requested_at < :cutoff";
  if (settings.contactLogDays !== null) {
    const cutoff = before(settings.contactLogDays);
    await inBatches(
      () => idsPast('callback_request', closedCallback, cutoff),
      (batch) =>
        dataSource.transaction(async (tx) => {
          await deleteWhereIn(tx, 'callback_attempt', 'callback_id', batch);
          await deleteWhereIn(tx, 'callback_case', 'callback_id', batch);
          await deleteWhereIn(tx, 'callback_request', 'id', batch);
          removed.callback_request += batch.length;
        }),
    );
  }
  if (settings.contactLogPersonalDataDays !== null) {
    const cutoff = before(settings.contactLogPersonalDataDays);
    await inBatches(
      () =>
        idsPast(
          'callback_request',
          `${closedCallback} AND (t.number <> '' OR t.party_id IS NOT NULL)`,
          cutoff,
        ),
      async (batch) => {
        // The number is NOT NULL (an open callback always has one): blanked to ''.
        await dataSource
          .createQueryBuilder()
          .update(CallbackRequest)
          .set({ number: '', partyId: null })
          .where('id IN (:...batch)', { batch })
          .execute();
        removed.callback_request_blanked += batch.length;
      },
    );
  }

  if (settings.contactLogPersonalDataDays !== null) {
    const cutoff = before(settings.contactLogPersonalDataDays);
    await inBatches(
      () => callsPast(cutoff, ' AND (t.from_number IS NOT NULL OR t.ivr_personal_number IS NOT NULL)'),
      (batch) =>
        dataSource.transaction(async (tx) => {
          for (const entity of [CallContact, CallEventRecord])
            await tx
              .createQueryBuilder()
              .update(entity)
              .set({ fromNumber: null, ivrPersonalNumber: null })
              .where('call_id IN (:...batch)', { batch })
              .execute();
          removed.call_contact_blanked += batch.length;
        }),
    );
  }

  if (settings.failedJobsDays !== null) {
    const cutoff = before(settings.failedJobsDays);
    await inBatches(
      () => idsPast('job', "t.state = 'failed' AND t.updated_at < :cutoff", cutoff),
      async (batch) => {
        await deleteWhereIn(dataSource, 'job', 'id', batch);
        removed.job += batch.length;
      },
    );
    // BullMQ keeps failed jobs in Redis (removeOnFail: false, so an admin can see them).
    while (queue) {
      const count = await queue.removeFailed(cutoff, settings.batchSize);
      removed.job += count;
      if (count < settings.batchSize) break;
      await nextTurn();
    }
  }

  await dataSource.getRepository(RetentionRun).insert(
    (Object.keys(removed) as RetentionKind[]).map((kind) => ({
      id: randomUUID(),
      ranAt: now,
      kind,
      removed: removed[kind],
    })),
  );
  return { ranAt: now, removed };
}
