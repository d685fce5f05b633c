import {
  childcarePluginOnly,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const PERSON_QUERY = `query Person($pn: String!) {
  person(personalNumber: $pn) {
    personalNumber
    statuses { source kind reference title state label updatedAt dueDate nextStep }
    childcareQueue { applications { applicationId childFirstName queuePosition statusCode state label
      preferredUnits { name rank } offer { unitName answerBy answered answer } } }
  }
}`;

describe('reading a person through the gateway, the sandbox and the childcare plugin over HTTP', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({ sandbox, plugins: childcarePluginOnly(sandbox) });
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  it('answers a demo guardian with Swedish childcare statuses, newest first, and typed detail', async () => {
    const { data, errors } = await hub.graphql(PERSON_QUERY, { pn: '19900101-2385' });
    expect(errors).toBeUndefined();
    const person = (data as unknown as { person: unknown }).person as {
      personalNumber: string;
      statuses: Record<string, unknown>[];
      childcareQueue: { applications: Record<string, unknown>[] };
    };
    expect(person.personalNumber).toBe('199001012385');
    expect(person.statuses).toEqual([
      {
        source: 'childcare-queue',
        kind: 'childcare-application',
        reference: 'FSK-2026-0412',
        title: 'Förskoleplats för Tilde',
        state: 'WAITING_FOR_CUSTOMER',
        label: 'Plats erbjuden',
        updatedAt: '2026-11-22T13:05:00.000Z',
        dueDate: '2026-12-05',
        nextStep: 'Svara på erbjudandet senast 2026-12-05',
      },
      {
        source: 'childcare-queue',
        kind: 'childcare-application',
        reference: 'FSK-2026-0977',
        title: 'Förskoleplats för Elis',
        state: 'IN_PROGRESS',
        label: 'Står i kö',
        updatedAt: '2026-10-15T08:30:00.000Z',
        dueDate: null,
        nextStep: 'Plats 14 i kön, önskat startdatum 2027-02-22',
      },
    ]);
    expect(person.childcareQueue.applications[0]).toEqual({
      applicationId: 'FSK-2026-0412',
      childFirstName: 'Tilde',
      queuePosition: null,
      statusCode: 'OFFERED',
      state: 'WAITING_FOR_CUSTOMER',
      label: 'Plats erbjuden',
      preferredUnits: [
        { name: 'Förskolan Solrosen', rank: 1 },
        { name: 'Förskolan Ekorren', rank: 2 },
      ],
      offer: { unitName: 'Förskolan Solrosen', answerBy: '2026-12-05', answered: false, answer: null },
    });
  });

  it('answers a person with no matters with an empty list and no childcare queue', async () => {
    const { data, errors } = await hub.graphql(PERSON_QUERY, { pn: '189001019802' });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ person: { personalNumber: '189001019802', statuses: [], childcareQueue: null } });
  });

  it.each([
    ['9001012385', '199001012385'],
    ['900101-2385', '199001012385'],
    ['19900101-2385', '199001012385'],
    [' 199001012385 ', '199001012385'],
    ['000101+9801', '190001019801'],
  ])('normalises %p to %p', async (input, normalised) => {
    const { data, errors } = await hub.graphql(
      'query($pn: String!) { person(personalNumber: $pn) { personalNumber } }',
      { pn: input },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ person: { personalNumber: normalised } });
  });

  it.each([
    ['19900101-2386', 'check digit'],
    ['abc', 'expected 10 or 12 digits'],
    ['19901301-2385', 'check digit'],
  ])('rejects %p as BAD_USER_INPUT saying what is wrong', async (input, explanation) => {
    const { data, errors } = await hub.graphql(
      'query($pn: String!) { person(personalNumber: $pn) { personalNumber } }',
      { pn: input },
    );
    expect(data).toEqual({ person: null });
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personalNumber' });
    expect(errors![0].message).toContain(explanation);
  });

  it('reports a malformed query as BAD_USER_INPUT', async () => {
    const { errors } = await hub.graphql('{ person { personalNumber } }');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toContain('personalNumber');
  });

  it('lists the connected plugins with their health', async () => {
    const { data } = await hub.graphql('{ plugins { id department version healthy } }');
    expect(data).toEqual({
      plugins: [{ id: 'childcare-queue', department: 'Förskola', version: '1.0.0', healthy: true }],
    });
  });

  it('answers with a request id of its own, whatever id the caller sends', async () => {
    const given = await hub.graphql('{ plugins { id } }', {}, { headers: { 'x-request-id': 'call-4711' } });
    expect(given.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const made = await hub.graphql('{ plugins { id } }');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('marks every GraphQL answer no-store, so no browser or proxy keeps personal data', async () => {
    const read = await hub.graphql('{ person(personalNumber: "199001012385") { personalNumber } }');
    expect(read.headers.get('cache-control')).toBe('no-store');
    const refused = await hub.graphql('{ nope }');
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });
});
