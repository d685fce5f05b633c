import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JOB_ENTITIES, JobRecord } from '@frontdoor/jobs';
import {
  buildDataSourceOptions,
  createTestDatabase,
  openTestDataSource,
  type TestDatabase,
} from '@frontdoor/persistence';
import { AuditRecord } from '../audit/audit-record.entity';
import { CaseEvent, ServiceCase } from '../cases/case.entities';
import { EmailAttachment, EmailMessage } from '../email-in/email-message.entities';
import { CORE_ENTITIES } from '../index';
import { CitizenMessageRecord } from '../messaging/citizen-message.entity';
import { Party } from '../people/party.entity';
import { CallCase, CallContact, CallEventRecord } from '../telephony/call.entities';
import { CallbackAttempt, CallbackCase, CallbackRequest } from '../callbacks/callback.entities';
import { RetentionRun } from './retention-run.entity';
import { retentionSettingsSchema, runRetention } from './retention';

const ROOT = resolve(__dirname, '../../../..');
const DAY = 86_400_000;
const NOW = new Date('2026-12-01T02:00:00Z');
const ago = (days: number, ms = 0) => new Date(NOW.getTime() - days * DAY + ms);

describe(`retention (gallring) on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const settings = retentionSettingsSchema.parse({
    auditRecordsDays: 730,
    closedCasesDays: 1095,
    failedJobsDays: 90,
    batchSize: 2, // several batches for a handful of rows
  });

  const ids = async <T extends { id: string }>(entity: new () => T) =>
    (await dataSource.getRepository(entity).find()).map((r) => r.id).sort();

  async function seed() {
    const party = {
      id: randomUUID(),
      personalNumber: `1990${randomBytes(4).readUInt32BE() % 1e8}`.padEnd(12, '0').slice(0, 12),
      createdAt: ago(4000),
    };
    await dataSource.getRepository(Party).insert(party);
    const audit = (id: string, at: Date) => ({
      id,
      occurredAt: at,
      actorSubject: 'agent-1',
      actorRole: 'agent',
      partyId: party.id,
      plugins: [],
      fieldGroups: [],
      purpose: null,
      requestId: 'r',
    });
    // Past 730 days: removed. At 729 days and a minute short of 730: kept.
    const oldAudit = ['a-old-1', 'a-old-2', 'a-old-3', 'a-old-4', 'a-old-5'];
    await dataSource
      .getRepository(AuditRecord)
      .insert([
        ...oldAudit.map((id, n) => audit(id, ago(731 + n * 100))),
        audit('a-keep-1', ago(729)),
        audit('a-keep-2', ago(730, 60_000)),
      ]);
    const kase = (id: string, status: string, closedAt: Date | null, createdAt: Date) => ({
      id,
      reference: `FD-${id}`,
      channel: 'PHONE',
      categoryId: 'cat',
      partyId: party.id,
      summary: 's',
      status,
      resolvedAtFirstLine: status === 'CLOSED',
      answerGroupId: null,
      assigneeSubject: null,
      forwardedAt: null,
      dueAt: null,
      firstReplyAt: null,
      resolution: null,
      registeredBy: 'agent-1',
      createdAt,
      closedAt,
    });
    await dataSource.getRepository(ServiceCase).insert([
      kase('c-old-1', 'CLOSED', ago(1100), ago(1101)),
      kase('c-old-2', 'CLOSED', ago(1200), ago(1300)),
      kase('c-old-3', 'CLOSED', ago(2000), ago(2000)),
      kase('c-keep-closed', 'CLOSED', ago(1000), ago(1200)), // registered long ago, closed recently
      kase('c-keep-open', 'FORWARDED', null, ago(3000)), // never removed while open
    ]);
    const event = (caseId: string, n: number) => ({
      id: `${caseId}-e${n}`,
      caseId,
      type: 'REGISTERED',
      at: ago(3000),
      actorSubject: 'agent-1',
      actorName: null,
      message: null,
      internal: false,
    });
    await dataSource
      .getRepository(CaseEvent)
      .insert(
        ['c-old-1', 'c-old-2', 'c-old-3', 'c-keep-closed', 'c-keep-open'].flatMap((c) => [
          event(c, 1),
          event(c, 2),
        ]),
      );
    // A notice's delivery status goes with its case.
    await dataSource.getRepository(CitizenMessageRecord).insert(
      ['c-old-1', 'c-keep-closed'].map((caseId) => ({
        key: `case.notify-citizen:${caseId}:CLOSED:1`,
        caseId,
        notice: 'CLOSED',
        channel: 'sms',
        status: 'SENT' as const,
        attempts: 0,
        fallbackUsed: false,
        letterNeeded: false,
        letterSentAt: null,
        providerId: null,
        lastError: null,
        createdAt: ago(1100),
        updatedAt: ago(1100),
      })),
    );
    const job = (id: string, state: 'waiting' | 'failed', updatedAt: Date) => ({
      id,
      name: 'x',
      payload: '{}',
      state,
      runAt: updatedAt,
      attempts: 5,
      maxAttempts: 5,
      lastError: 'boom',
      lockedBy: null,
      lockedUntil: null,
      updatedAt,
    });
    // The contact log: past 400 days removed whole; past 90 days without the caller's number
    // and IVR personal number; newer kept as it is.
    const call = (callId: string, offeredAt: Date) => ({
      callId,
      queue: 'kundtjanst',
      fromNumber: '+46701234567',
      toNumber: '+46920453000',
      ivrPersonalNumber: '199001012385',
      agentId: 'agent-1',
      outcome: 'ANSWERED',
      offeredAt,
      answeredAt: offeredAt,
      endedAt: offeredAt,
      waitMs: 10_000,
      talkMs: 120_000,
      offeredDay: '2026-01-01',
      offeredWeek: '2026-W01',
      offeredMonth: '2026-01',
      updatedAt: offeredAt,
    });
    const calls = { 'k-old': ago(401), 'k-old-2': ago(500), 'k-mid': ago(91), 'k-new': ago(89) };
    await dataSource.getRepository(CallContact).insert(Object.entries(calls).map(([id, at]) => call(id, at)));
    await dataSource.getRepository(CallEventRecord).insert(
      Object.entries(calls).map(([callId, at]) => ({
        callId,
        event: 'OFFERED',
        at,
        queue: 'kundtjanst',
        fromNumber: '+46701234567',
        toNumber: '+46920453000',
        agentId: null,
        ivrPersonalNumber: '199001012385',
        receivedAt: at,
      })),
    );
    await dataSource.getRepository(CallCase).insert([
      { callId: 'k-old', caseId: 'c-keep-open', linkedAt: ago(401) },
      { callId: 'k-new', caseId: 'c-keep-open', linkedAt: ago(89) },
    ]);
    // The e-mail of a removed case goes with it; mail recorded without a case after the same period.
    const mail = (id: string, caseId: string | null, at: Date) => ({
      id,
      messageId: `<${id}@example.org>`,
      caseId,
      direction: 'IN' as const,
      disposition: caseId ? ('NEW_CASE' as const) : ('AUTO_REPLY' as const),
      notAnsweredBecause: null,
      fromAddress: 'anna@example.org',
      toAddress: 'kundtjanst@exempelstad.se',
      subject: 's',
      text: 't',
      inReplyTo: null,
      references: null,
      at,
    });
    await dataSource
      .getRepository(EmailMessage)
      .insert([
        mail('m-old-case', 'c-old-1', ago(1101)),
        mail('m-keep-case', 'c-keep-closed', ago(1200)),
        mail('m-old-unlinked', null, ago(1096)),
        mail('m-keep-unlinked', null, ago(1094)),
      ]);
    await dataSource.getRepository(EmailAttachment).insert(
      ['m-old-case', 'm-keep-case', 'm-old-unlinked'].map((emailId) => ({
        id: `${emailId}-a`,
        emailId,
        filename: 'f.pdf',
        contentType: 'application/pdf',
        size: 1,
        content: Buffer.from('%'),
        refusedBecause: null,
      })),
    );
    // Callbacks go with the contact log: closed ones past 400 days removed with their attempts
    // and case links, past 90 days without the number and party; an open one never.
    const callback = (id: string, requestedAt: Date, status: string) => ({
      id,
      source: 'CITIZEN',
      externalId: null,
      number: '+46701234567',
      queue: 'kundtjanst',
      partyId: 'party-1',
      requestedAt,
      requestedDay: '2026-01-01',
      wantedAt: requestedAt,
      asap: true,
      dueAt: requestedAt,
      expiresAt: requestedAt,
      status,
      attempts: 1,
      takenBy: null,
      takenAt: null,
      firstAttemptMs: 1000,
      reachedMs: 1000,
      closedAt: requestedAt,
    });
    await dataSource
      .getRepository(CallbackRequest)
      .insert([
        callback('cb-old', ago(401), 'REACHED'),
        callback('cb-mid', ago(91), 'UNREACHED'),
        callback('cb-new', ago(89), 'REACHED'),
        callback('cb-open', ago(401), 'WAITING'),
      ]);
    await dataSource.getRepository(CallbackAttempt).insert({
      callbackId: 'cb-old',
      attempt: 1,
      agentId: 'agent-1',
      at: ago(401),
      outcome: 'REACHED',
      retryAt: null,
    });
    await dataSource
      .getRepository(CallbackCase)
      .insert({ callbackId: 'cb-old', caseId: 'c-keep-open', linkedAt: ago(401) });
    await dataSource.getRepository(JobRecord).insert([
      job('j-old-failed', 'failed', ago(91)),
      job('j-keep-failed', 'failed', ago(89)),
      job('j-keep-waiting', 'waiting', ago(400)), // waiting jobs are work, not records
    ]);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
    await seed();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('removes exactly what is past its period, in batches, and records counts only', async () => {
    const report = await runRetention(dataSource, settings, NOW);
    expect(report.removed).toEqual({
      audit_record: 5,
      service_case: 3,
      case_event: 6,
      job: 1,
      call_contact: 2,
      call_contact_blanked: 1,
      callback_request: 1,
      callback_request_blanked: 1,
    });
    const callbacks = await dataSource.getRepository(CallbackRequest).find({ order: { id: 'ASC' } });
    expect(callbacks.map((c) => [c.id, c.number, c.partyId, c.firstAttemptMs])).toEqual([
      ['cb-mid', '', null, 1000],
      ['cb-new', '+46701234567', 'party-1', 1000],
      ['cb-open', '+46701234567', 'party-1', 1000],
    ]);
    expect(await dataSource.getRepository(CallbackAttempt).count()).toBe(0);
    expect(await dataSource.getRepository(CallbackCase).count()).toBe(0);
    const contacts = await dataSource.getRepository(CallContact).find({ order: { callId: 'ASC' } });
    expect(contacts.map((c) => [c.callId, c.fromNumber, c.ivrPersonalNumber, c.talkMs])).toEqual([
      ['k-mid', null, null, 120_000], // the service goals keep their numbers, the person goes
      ['k-new', '+46701234567', '199001012385', 120_000],
    ]);
    const events = await dataSource.getRepository(CallEventRecord).find({ order: { callId: 'ASC' } });
    expect(events.map((e) => [e.callId, e.fromNumber, e.ivrPersonalNumber])).toEqual([
      ['k-mid', null, null],
      ['k-new', '+46701234567', '199001012385'],
    ]);
    expect((await dataSource.getRepository(CallCase).find()).map((c) => c.callId)).toEqual(['k-new']);
    expect(await ids(AuditRecord)).toEqual(['a-keep-1', 'a-keep-2']);
    expect(await ids(ServiceCase)).toEqual(['c-keep-closed', 'c-keep-open']);
    expect((await ids(CaseEvent)).map((id) => id.replace(/-e\d$/, ''))).toEqual([
      'c-keep-closed',
      'c-keep-closed',
      'c-keep-open',
      'c-keep-open',
    ]);
    expect(await ids(JobRecord)).toEqual(['j-keep-failed', 'j-keep-waiting']);
    expect(await ids(EmailMessage)).toEqual(['m-keep-case', 'm-keep-unlinked']);
    expect(await ids(EmailAttachment)).toEqual(['m-keep-case-a']);
    expect((await dataSource.getRepository(CitizenMessageRecord).find()).map((m) => m.caseId)).toEqual([
      'c-keep-closed',
    ]);
    const runs = await dataSource.getRepository(RetentionRun).find();
    expect(Object.fromEntries(runs.map((r) => [r.kind, r.removed]))).toEqual(report.removed);
    expect(Object.keys(runs[0]).sort()).toEqual(['id', 'kind', 'ranAt', 'removed']);

    // A second run the same night finds nothing more.
    expect((await runRetention(dataSource, settings, NOW)).removed).toEqual({
      audit_record: 0,
      service_case: 0,
      case_event: 0,
      job: 0,
      call_contact: 0,
      call_contact_blanked: 0,
      callback_request: 0,
      callback_request_blanked: 0,
    });
  });

  it('keeps a kind whose period is not set, and refuses periods the records plan cannot mean', () => {
    expect(retentionSettingsSchema.parse({ auditRecordsDays: null }).auditRecordsDays).toBeNull();
    expect(retentionSettingsSchema.safeParse({ auditRecordsDays: 3 }).success).toBe(false);
    expect(retentionSettingsSchema.safeParse({ closedCaseDays: 100 }).success).toBe(false);
  });

  const onPostgres = process.env.DATABASE_URL ? it : it.skip;
  onPostgres(
    'runs as the retention role, which deletes only as the job does; the application role still cannot delete audit rows',
    async () => {
      const suffix = randomBytes(4).toString('hex');
      const appRole = `frontdoor_app_${suffix}`;
      const retentionRole = `frontdoor_retention_${suffix}`;
      const script = (file: string, from: string, to: string) =>
        readFileSync(join(ROOT, 'tools/sql', file), 'utf8').replaceAll(from, to);
      await dataSource.query(script('postgres-app-role.sql', 'frontdoor_app', appRole));
      await dataSource.query(script('postgres-retention-role.sql', 'frontdoor_retention', retentionRole));
      const as = (role: string) => {
        const url = new URL(database.env.DATABASE_URL!);
        url.username = role;
        url.password = 'change-me';
        return url.toString();
      };
      const app = new Client({ connectionString: as(appRole) });
      const retention = new Client({ connectionString: as(retentionRole) });
      await app.connect();
      await retention.connect();
      const jobSource = new DataSource(
        buildDataSourceOptions({
          databaseUrl: as(retentionRole),
          dataDir: database.env.DATA_DIR,
          migrate: false,
          entities: [...CORE_ENTITIES, ...JOB_ENTITIES],
        }),
      );
      try {
        const partyId = (await dataSource.getRepository(Party).find())[0].id;
        const insert = `INSERT INTO audit_record (id, occurred_at, actor_subject, actor_role, party_id, plugins, field_groups, purpose, request_id) VALUES ($1, $2, 'agent-1', 'agent', $3, '[]', '[]', null, 'r-1')`;
        await app.query(insert, ['a-role-old', ago(800), partyId]);
        await expect(app.query(`DELETE FROM audit_record WHERE id = 'a-role-old'`)).rejects.toMatchObject({
          code: '42501',
        });
        for (const statement of [
          `UPDATE audit_record SET actor_subject = 'someone-else'`,
          `TRUNCATE audit_record`,
          `TRUNCATE service_case`,
          `UPDATE service_case SET summary = 'x'`,
          `DELETE FROM party`,
          `DELETE FROM access_change`,
        ])
          await expect(retention.query(statement)).rejects.toMatchObject({ code: '42501' });
        await expect(retention.query(insert, [randomUUID(), NOW, partyId])).rejects.toMatchObject({
          code: '42501',
        });

        await jobSource.initialize();
        const report = await runRetention(jobSource, settings, NOW);
        expect(report.removed.audit_record).toBe(1);
        expect(await ids(AuditRecord)).toEqual(['a-keep-1', 'a-keep-2']);
      } finally {
        await app.end();
        await retention.end();
        if (jobSource.isInitialized) await jobSource.destroy();
        for (const role of [appRole, retentionRole]) {
          await dataSource.query(
            `REASSIGN OWNED BY ${role} TO CURRENT_USER; DROP OWNED BY ${role}; DROP ROLE ${role}`,
          );
        }
      }
    },
  );
});
