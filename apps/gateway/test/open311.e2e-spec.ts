import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CaseEvent, Open311Request, ServiceCase } from '@frontdoor/core';
import { DEMO_CASE_SETUP, startHub, type TestHub } from '@frontdoor/testing';

const API_KEY = 'test-open311-key-0123456789';
const OTHER_KEY = 'test-other-system-key-0123456789';

interface ServiceRequest {
  service_request_id: string;
  status: string;
  status_notes: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  expected_datetime: string | null;
  requested_datetime: string;
  address: string | null;
  lat: string | null;
  long: string | null;
}

describe('Open311 GeoReport v2 at /open311/v2/: services, requests as E_SERVICE cases, errors as the spec has them', () => {
  let hub: TestHub;
  const base = () => `${hub.url}/open311/v2`;
  const xml = new XMLParser({
    parseTagValue: false,
    isArray: (name) =>
      ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name),
  });

  const post = (fields: Record<string, string>, format = 'json') =>
    fetch(`${base()}/requests.${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const report = {
    api_key: API_KEY,
    service_code: 'avfall',
    address_string: 'Storgatan 1, Exempelstad',
    description: 'Soptunnan har inte tömts på två veckor',
    'attribute[karl]': 'mat',
    first_name: 'Rut',
    last_name: 'Rapport',
    email: 'rut@example.se',
    phone: '070-123 45 67',
  };
  const createRequest = async (fields: Record<string, string> = report) => {
    const response = await post(fields);
    expect(response.status).toBe(201);
    const [created] = (await response.json()) as { service_request_id: string; service_notice: string }[];
    return created;
  };
  const getRequest = async (id: string) => {
    const response = await fetch(`${base()}/requests/${id}.json`);
    expect(response.status).toBe(200);
    const [request] = (await response.json()) as ServiceRequest[];
    return request;
  };
  const expectError = async (response: Response, status: number, text: RegExp) => {
    expect(response.status).toBe(status);
    const body = (await response.json()) as { code: number; description: string }[];
    expect(body).toEqual([{ code: status, description: expect.stringMatching(text) }]);
  };

  beforeAll(async () => {
    hub = await startHub({
      plugins: {},
      cases: DEMO_CASE_SETUP,
      auth: {
        serviceAccounts: {
          'e-tjanster': { operations: ['open311'], apiKey: API_KEY },
          'other-system': { operations: ['plugins'], apiKey: OTHER_KEY },
        },
      },
    });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('discovery names this endpoint and both formats, in JSON and in XML', async () => {
    const json = await fetch(`${base()}/discovery.json`);
    expect(json.status).toBe(200);
    const discovery = (await json.json()) as {
      endpoints: { specification: string; url: string; formats: string[] }[];
    };
    expect(discovery.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `${base()}`,
      formats: ['text/xml', 'application/json'],
    });
    const asXml = await fetch(`${base()}/discovery.xml`);
    expect(asXml.headers.get('content-type')).toMatch(/^text\/xml; charset=utf-8/);
    const text = await asXml.text();
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(xml.parse(text).discovery.endpoints.endpoint[0].formats.format).toEqual([
      'text/xml',
      'application/json',
    ]);
  });

  it('lists the public, non-confidential categories as services, and defines their attributes', async () => {
    const services = (await (await fetch(`${base()}/services.json`)).json()) as {
      service_code: string;
      metadata: boolean;
      type: string;
    }[];
    const codes = services.map((s) => s.service_code);
    expect(codes).toEqual(expect.arrayContaining(['avfall', 'parkering', 'barnomsorgsplats']));
    // Sekretess: asked only on the signed-in citizen page.
    expect(codes).not.toContain('forsorjningsstod');
    expect(services.find((s) => s.service_code === 'avfall')).toMatchObject({
      metadata: true,
      type: 'realtime',
    });

    const definition = (await (await fetch(`${base()}/services/avfall.json`)).json()) as {
      service_code: string;
      attributes: { code: string; required: boolean; datatype: string; values: { key: string }[] }[];
    };
    expect(definition.service_code).toBe('avfall');
    expect(definition.attributes[0]).toMatchObject({
      code: 'karl',
      required: true,
      datatype: 'singlevaluelist',
    });
    expect(definition.attributes[0].values.map((v) => v.key)).toEqual(['mat', 'rest', 'inget']);

    const definitionXml = xml.parse(await (await fetch(`${base()}/services/avfall.xml`)).text());
    expect(
      definitionXml.service_definition.attributes.attribute[0].values.value.map(
        (v: { key: string }) => v.key,
      ),
    ).toEqual(['mat', 'rest', 'inget']);
    const servicesXml = xml.parse(await (await fetch(`${base()}/services.xml`)).text());
    expect(servicesXml.services.service.map((s: { service_code: string }) => s.service_code)).toEqual(codes);
  });

  it('creates a request as an E_SERVICE case forwarded to the category’s answer group, with the SLA as expected_datetime', async () => {
    const created = await createRequest();
    expect(created.service_request_id).toMatch(/^FD-\d{4}-/);
    expect(created.service_notice).toContain('Svarsgrupp avfall');

    const stored = await hub.dataSource
      .getRepository(ServiceCase)
      .findOneByOrFail({ reference: created.service_request_id });
    expect(stored).toMatchObject({
      channel: 'E_SERVICE',
      status: 'FORWARDED',
      contactEmail: 'rut@example.se',
      contactPhone: '+46701234567',
      partyId: null,
    });
    expect(stored.summary).toContain('Plats: Storgatan 1');
    expect(stored.summary).toContain('Vilket kärl gäller det?: Matavfall');

    const request = await getRequest(created.service_request_id);
    expect(request).toMatchObject({
      service_request_id: created.service_request_id,
      status: 'open',
      service_code: 'avfall',
      description: report.description,
      agency_responsible: 'Svarsgrupp avfall',
      address: 'Storgatan 1, Exempelstad',
      expected_datetime: stored.dueAt!.toISOString(),
    });
    // No reporter's personal data leaves through GET.
    expect(JSON.stringify(request)).not.toMatch(/Rut|rut@example|4670/);
  });

  it('accepts a point instead of an address and answers POST in XML', async () => {
    const response = await post(
      {
        api_key: API_KEY,
        service_code: 'parkering',
        lat: '59.4200',
        long: '17.8300',
        description: 'Bil parkerad på cykelbanan',
        'attribute[registreringsnummer]': 'ABC123',
      },
      'xml',
    );
    expect(response.status).toBe(201);
    const parsed = xml.parse(await response.text());
    const id = parsed.service_requests.request[0].service_request_id;
    const request = await getRequest(id);
    expect(request).toMatchObject({
      lat: '59.4200',
      long: '17.8300',
      address: null,
      service_code: 'parkering',
    });
  });

  it('follows a request from open to closed through requests/{id}, status_notes from the citizen-visible timeline', async () => {
    const { service_request_id: id } = await createRequest({ ...report, description: 'Kärlet är trasigt' });
    const stored = await hub.dataSource.getRepository(ServiceCase).findOneByOrFail({ reference: id });
    expect((await getRequest(id)).status_notes).toBe('Skickat till rätt handläggare.');

    const officer = await hub.token('case_officer', 'officer-erik', 'Erik');
    const note = await hub.graphql(
      `mutation($id: ID!) { addCaseNote(caseId: $id, text: "Internt: ring entreprenören") { id } }`,
      { id: stored.id },
      { token: officer },
    );
    expect(note.errors).toBeUndefined();
    const reply = await hub.graphql(
      `mutation($id: ID!) { replyToCitizen(caseId: $id, text: "Vi byter kärlet på torsdag.") { id } }`,
      { id: stored.id },
      { token: officer },
    );
    expect(reply.errors).toBeUndefined();
    const replied = await getRequest(id);
    expect(replied).toMatchObject({ status: 'open', status_notes: 'Vi byter kärlet på torsdag.' });

    // Staff text (the reason to wait, the resolution) is never a public status note; text written
    // for the citizen (citizenText) is (issue 23).
    const wakeOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const parked = await hub.graphql(
      `mutation($id: ID!) { parkCase(caseId: $id, wakeOn: "${wakeOn}", reason: "Internt: entreprenören svarar inte", citizenText: "Skicka gärna en bild på kärlet.") { status } }`,
      { id: stored.id },
      { token: officer },
    );
    expect(parked.errors).toBeUndefined();
    expect((await getRequest(id)).status_notes).toBe('Skicka gärna en bild på kärlet.');
    const resumed = await hub.graphql(
      `mutation($id: ID!) { resumeCase(caseId: $id, reason: "Internt: bilden kom") { status } }`,
      { id: stored.id },
      { token: officer },
    );
    expect(resumed.errors).toBeUndefined();
    expect((await getRequest(id)).status_notes).toBe('Skickat till rätt handläggare.');

    const closed = await hub.graphql(
      `mutation($id: ID!) { closeCase(caseId: $id, resolution: "Kärlet är utbytt, internt ordernr 4711.") { status } }`,
      { id: stored.id },
      { token: officer },
    );
    expect(closed.errors).toBeUndefined();
    const done = await getRequest(id);
    expect(done).toMatchObject({
      status: 'closed',
      status_notes: 'Avslutat.',
      expected_datetime: null,
    });
    expect(JSON.stringify(done)).not.toContain('Internt');
    expect(JSON.stringify(done)).not.toContain('4711');

    const asXml = xml.parse(await (await fetch(`${base()}/requests/${id}.xml`)).text());
    expect(asXml.service_requests.request[0]).toMatchObject({ service_request_id: id, status: 'closed' });
  });

  it('GET requests filters by id, service, status and dates, and lists only requests made through Open311', async () => {
    const a = await createRequest();
    const { 'attribute[karl]': _bin, ...noBin } = report;
    const b = await createRequest({ ...noBin, service_code: 'parkering' });
    await hub.graphql(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "avfall", summary: "Telefonsamtal, inte Open311", resolvedAtFirstLine: false }) { id } }`,
    );
    const list = async (query: string) => {
      const response = await fetch(`${base()}/requests.json?${query}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as ServiceRequest[]).map((r) => r.service_request_id);
    };
    const all = await list('');
    expect(all).toEqual(expect.arrayContaining([a.service_request_id, b.service_request_id]));
    expect(all).toHaveLength(await hub.dataSource.getRepository(Open311Request).count());

    expect(await list(`service_request_id=${a.service_request_id},${b.service_request_id}`)).toEqual(
      expect.arrayContaining([a.service_request_id, b.service_request_id]),
    );
    const parking = await list('service_code=parkering');
    expect(parking).toContain(b.service_request_id);
    expect(parking).not.toContain(a.service_request_id);
    expect(await list('status=closed')).not.toContain(a.service_request_id);
    expect(await list('status=open')).toContain(a.service_request_id);
    expect(await list('start_date=2000-01-01T00:00:00Z&end_date=2000-02-01T00:00:00Z')).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await list(`start_date=${today}T00:00:00Z`)).toContain(a.service_request_id);

    const asXml = xml.parse(await (await fetch(`${base()}/requests.xml?service_code=parkering`)).text());
    expect(
      asXml.service_requests.request.map((r: { service_request_id: string }) => r.service_request_id),
    ).toEqual(parking);
  });

  describe('errors: [{ code, description }] with the HTTP status the spec names, nothing created', () => {
    const count = () => hub.dataSource.getRepository(ServiceCase).count();

    it('403 for a missing, unknown or not-Open311 api_key', async () => {
      const before = await count();
      await expectError(await post({ ...report, api_key: '' }), 403, /api_key was not provided/);
      await expectError(
        await post({ ...report, api_key: 'wrong-key-wrong-key-wrong' }),
        403,
        /Invalid api_key/,
      );
      await expectError(
        await post({ ...report, api_key: OTHER_KEY }),
        403,
        /other-system" may not use Open311/,
      );
      expect(await count()).toBe(before);
    });

    it('404 for an unknown service, on its definition and on POST; 404 for an unknown request or jurisdiction', async () => {
      const before = await count();
      await expectError(
        await fetch(`${base()}/services/pizza.json`),
        404,
        /service_code "pizza" was not found/,
      );
      await expectError(await fetch(`${base()}/services/forsorjningsstod.json`), 404, /not found/);
      await expectError(
        await post({ ...report, service_code: 'pizza' }),
        404,
        /service_code "pizza" was not found/,
      );
      await expectError(
        await fetch(`${base()}/requests/FD-2026-NOPE00.json`),
        404,
        /FD-2026-NOPE00" was not found/,
      );
      await expectError(
        await fetch(`${base()}/services.json?jurisdiction_id=annanstad.se`),
        404,
        /jurisdiction_id "annanstad.se"/,
      );
      expect((await fetch(`${base()}/services.json?jurisdiction_id=exempelstad.se`)).status).toBe(200);
      expect(await count()).toBe(before);
    });

    it('400 for a missing required field: service_code, description, location, a required attribute', async () => {
      const before = await count();
      const { service_code: _code, ...noCode } = report;
      await expectError(await post(noCode), 400, /service_code was not provided/);
      await expectError(await post({ ...report, description: '  ' }), 400, /description was not provided/);
      const { address_string: _address, ...noPlace } = report;
      await expectError(await post(noPlace), 400, /location is required/);
      await expectError(
        await post({ ...report, 'attribute[karl]': '' }),
        400,
        /attribute\[karl\] was not provided/,
      );
      await expectError(
        await post({ ...report, 'attribute[karl]': 'glas' }),
        400,
        /"glas" is not one of mat, rest, inget/,
      );
      await expectError(await post({ ...report, lat: '59.4' }), 400, /lat and long: give both/);
      await expectError(await post({ ...report, phone: '12' }), 400, /not a Swedish phone number/);
      expect(await count()).toBe(before);
    });

    it('400 naming the field for text over its limit or with a control character, creating nothing', async () => {
      const before = await count();
      const requests = await hub.dataSource.getRepository(Open311Request).count();
      const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.se`;
      for (const [fields, text] of [
        [{ first_name: 'x'.repeat(500_000) }, /^first_name: at most 100 characters/],
        [{ first_name: 'Rut\u0000' }, /^first_name: a control character \(U\+0000\)/],
        [{ description: 'Soptunnan\u0000' }, /^description: a control character/],
        [{ description: 'x'.repeat(4001) }, /^description: at most 4000 characters/],
        [{ address_string: 'Storgatan 1\u0000' }, /^address_string: a control character/],
        [{ 'attribute[karl]': 'mat\u0000' }, /^attribute\[karl\]: a control character/],
        [{ email: long }, /^email: at most 254 characters/],
        [{ phone: '070 123 45 67'.padEnd(41, '0') }, /^phone: at most 40 characters/],
        [{ media_url: 'https://example.se/\u0001' }, /^media_url: a control character/],
      ] as const)
        await expectError(await post({ ...report, ...fields }), 400, text);
      expect(await count()).toBe(before);
      expect(await hub.dataSource.getRepository(Open311Request).count()).toBe(requests);
      // Lines and tabs are text in a description.
      expect((await post({ ...report, description: 'Soptunnan:\n\ttömdes inte' })).status).toBe(201);
    });

    it('400 for a bad date or status filter, in JSON and in XML', async () => {
      await expectError(
        await fetch(`${base()}/requests.json?start_date=igår`),
        400,
        /start_date "igår" is not a W3C date-time/,
      );
      await expectError(await fetch(`${base()}/requests.json?end_date=2026-11-24`), 400, /end_date/);
      await expectError(
        await fetch(`${base()}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`),
        400,
        /more than 90 days/,
      );
      await expectError(
        await fetch(`${base()}/requests.json?status=pending`),
        400,
        /expected open or closed/,
      );
      const response = await fetch(`${base()}/requests.xml?start_date=igår`);
      expect(response.status).toBe(400);
      const parsed = xml.parse(await response.text());
      expect(parsed.errors.error[0]).toMatchObject({
        code: '400',
        description: expect.stringContaining('start_date'),
      });
    });

    it('an unknown format or resource is a 404 in the error shape', async () => {
      expect((await fetch(`${base()}/services.html`)).status).toBe(404);
      await expectError(await fetch(`${base()}/tokens.json`), 404, /No Open311 resource "tokens"/);
    });
  });

  it('keeps case events for the request: the answer group sees where it came from', async () => {
    const { service_request_id: id } = await createRequest();
    const stored = await hub.dataSource.getRepository(ServiceCase).findOneByOrFail({ reference: id });
    const events = await hub.dataSource
      .getRepository(CaseEvent)
      .find({ where: { caseId: stored.id }, order: { at: 'ASC' } });
    expect(events.map((e) => e.type)).toEqual(['REGISTERED', 'FORWARDED']);
    expect(events[1].message).toContain('Inkommen via Open311');
    expect(events[0].actorSubject).toBe('e-tjanster');
  });
});
