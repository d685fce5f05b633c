import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { JOB_ENTITIES, SqlJobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { CORE_ENTITIES } from '../index';
import type { CaseChange, CaseChangeSubscriber } from './case-change';
import { CaseEvent, ServiceCase } from './case.entities';
import { CaseService } from './case.service';
import { applyCaseSetup } from './case-setup';
import { CaseEventType, CaseStatus, ContactChannel } from './case-vocabulary';
import type { CaseWriter } from './case-write-rules';

const agent: CaseWriter = { subject: 'agent-alva', name: 'Alva Agent', role: 'agent', answerGroupKeys: [] };

/**
 * Case changes announce themselves (issue 22, item 5): `change()` tells every subscriber what
 * happened, with the case before and after, inside the change's transaction; the case service
 * itself knows nothing of statistics or messaging.
 */
describe('the case chain announces each change to its subscribers', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const heard: CaseChange[] = [];
  let failNext = false;
  const listener: CaseChangeSubscriber = {
    async onCaseChanged(change) {
      if (failNext) {
        failNext = false;
        throw new Error('a subscriber failed');
      }
      heard.push({ ...change, before: change.before && { ...change.before }, after: { ...change.after } });
    },
  };
  let cases: CaseService;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
    await applyCaseSetup(dataSource, {
      categories: [{ key: 'avfall', name: 'Avfall', slaWorkingDays: 3, confidential: false }],
      answerGroups: [
        {
          key: 'avfall',
          name: 'Svarsgrupp avfall',
          department: 'Avfall',
          notificationEmail: 'avfall@exempelstad.se',
          manager: { subject: 'chef-ali', name: 'Ali Chef', email: 'ali@exempelstad.se' },
          members: [],
        },
      ],
    });
    cases = new CaseService(dataSource, new SqlJobQueue(dataSource, { pollMs: 60_000 }), [listener]);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const registered = () =>
    cases.registerContact(
      { channel: ContactChannel.PHONE, categoryKey: 'avfall', summary: 'Tunnan', resolvedAtFirstLine: false },
      agent,
    );

  it('hears a forward with the case before and after, and who did it', async () => {
    const serviceCase = await registered();
    heard.length = 0;
    await cases.forwardCase(serviceCase.id, 'avfall', 'Ring upp', agent);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({
      type: CaseEventType.FORWARDED,
      before: { id: serviceCase.id, status: CaseStatus.OPEN, dueAt: null },
      after: { id: serviceCase.id, status: CaseStatus.FORWARDED },
      writer: { subject: 'agent-alva' },
    });
    expect(heard[0].after.dueAt).toBeInstanceOf(Date);
  });

  it('writes nothing of the change when a subscriber fails: one transaction', async () => {
    const serviceCase = await registered();
    failNext = true;
    await expect(cases.addCaseNote(serviceCase.id, 'En anteckning', agent)).rejects.toThrow(
      'a subscriber failed',
    );
    const events = await dataSource.getRepository(CaseEvent).findBy({ caseId: serviceCase.id });
    expect(events.map((e) => e.type)).toEqual([CaseEventType.REGISTERED]);
    expect(
      (await dataSource.getRepository(ServiceCase).findOneByOrFail({ id: serviceCase.id })).version,
    ).toBe(1);
  });

  it('is a case service that imports nothing of the statistics or the messaging', () => {
    const source = readFileSync(join(__dirname, 'case.service.ts'), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((path) => /statistics|messaging/.test(path))).toEqual([]);
  });
});
