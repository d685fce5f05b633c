import { DEMO_CASE_SETUP, startHub, type TestHub } from '@frontdoor/testing';

const API_KEY = 'test-open311-key-0123456789';

/**
 * An e-service's question is one write (issue 21, finding 9): the case, its events, its jobs
 * and what the channel keeps beside it (Open311's location) are committed together or not at
 * all. Before, a failure after the case was registered left an open case with no group and no
 * Open311 row, while the client was told the request failed.
 */
describe('an Open311 request that fails half-way leaves nothing behind', () => {
  let hub: TestHub;
  const post = () =>
    fetch(`${hub.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: API_KEY,
        service_code: 'avfall',
        address_string: 'Storgatan 1, Exempelstad',
        description: 'Soptunnan har inte tömts',
        'attribute[karl]': 'mat',
      }).toString(),
    });
  const count = async (table: string) =>
    Number((await hub.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n as number | string);
  const rows = async () => ({
    cases: await count('service_case'),
    events: await count('case_event'),
    outbox: await count('job_outbox'),
    jobs: await count('job'),
  });

  /** Jobs queued, in the outbox or in the job table: one being relayed is in both a moment, so by id. */
  const queued = async () =>
    Number(
      (
        await hub.dataSource.query(
          "SELECT count(*) AS n FROM (SELECT job_id AS id FROM job_outbox WHERE action = 'add' UNION SELECT id FROM job) q",
        )
      )[0].n as number | string,
    );

  beforeAll(async () => {
    hub = await startHub({
      plugins: {},
      cases: DEMO_CASE_SETUP,
      auth: { serviceAccounts: { 'e-tjanster': { operations: ['open311'], apiKey: API_KEY } } },
      // Nothing runs in the background: the counts change only by what the request writes.
      env: { JOBS_IN_PROCESS: 'false' },
    });
  });
  afterAll(() => hub?.close());

  it('answers 500 and writes no case when the Open311 row cannot be written, and works again after', async () => {
    const before = await rows();
    const queuedBefore = await queued();
    // The table the channel writes last is gone (a failed disk, a broken migration).
    await hub.dataSource.query('ALTER TABLE open311_request RENAME TO open311_request_away');
    try {
      const response = await post();
      expect(response.status).toBe(500);
      expect(await rows()).toEqual(before);
    } finally {
      await hub.dataSource.query('ALTER TABLE open311_request_away RENAME TO open311_request');
    }
    const response = await post();
    expect(response.status).toBe(201);
    const after = await rows();
    expect(after.cases).toBe(before.cases + 1);
    // Registered and forwarded: two events, one case, its group mail and SLA alarm queued.
    expect(after.events).toBe(before.events + 2);
    // Queued: in the outbox or already relayed to the job table (no worker here takes them).
    expect(await queued()).toBe(queuedBefore + 2);
    expect(await count('open311_request')).toBe(1);
  });
});
