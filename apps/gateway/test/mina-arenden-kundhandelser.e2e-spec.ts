import { AuditRecord, Party } from '@frontdoor/core';
import { PluginHost } from '@frontdoor/gateway';
import { PROTECTED_TEXT } from '@frontdoor/plugin-sdk';
import {
  DEMO_CASE_SETUP,
  LogLines,
  allPluginsWithRegister,
  clientCredentialsToken,
  startDevIssuer,
  startHub,
  startSandbox,
  type DevIssuerHandle,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const ANNA = '199001012385';
const CECILIA = '200002292399';
const BERTIL = '196408233234';
/** Valid, and nobody in the sandbox. */
const NOBODY = '198112189876';
const CECILIA_WHEREABOUTS = ['Björkvägen', '123 50', 'Ugglan', 'U-512', 'Björken 5:3'];
const PATH = '/mina-arenden/v1/kundhandelser';

interface Kundhandelse {
  kundhandelseId: string;
  rubrik: string;
  beskrivning: string;
  sprak: string;
  producent: string;
  tidpunkt: string;
  kundhandelseTyp: string;
  producentarendetKraverKundatgard: boolean;
  producentarendetKlart: boolean;
  referenser: { typ: string; varde: string }[];
}
interface Answer {
  kundhandelser: Kundhandelse[];
  totaltAntal: number;
  antalSidor: number;
  sida: number;
  komplett: boolean;
  kallor: { kalla: string; status: string; orsak?: string }[];
}

describe('customer events (kundhändelser) for the national Mina ärenden: POST /mina-arenden/v1/kundhandelser', () => {
  let sandbox: SandboxHandle;
  let issuer: DevIssuerHandle;
  let hub: TestHub;
  let service: string;
  const logs = new LogLines();

  const pull = async (
    body: unknown,
    token: string | null = service,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${hub.url}${PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify(body),
    });
    return { response, body: (await response.json()) as Answer & { felkod?: string; meddelande?: string } };
  };
  const person = (varde: string, extra: Record<string, unknown> = {}) => ({
    kundidentifierare: { typ: 'PERSONNUMMER', varde },
    ...extra,
  });

  beforeAll(async () => {
    [sandbox, issuer] = await Promise.all([startSandbox(), startDevIssuer()]);
    hub = await startHub({
      sandbox,
      plugins: allPluginsWithRegister(sandbox, { cache: { ttlMs: 0, staleIfErrorMs: 0 } }),
      cases: DEMO_CASE_SETUP,
      env: { AUTH_OIDC_ISSUER: issuer.url, LOG_LEVEL: 'info' },
      auth: {
        serviceAccounts: {
          'mina-arenden': { operations: ['kundhandelser'] },
          'waste-system': { operations: ['plugins'] },
        },
      },
      logs,
    });
    await hub.app.get(PluginHost).jobs.runNow('waste-collection', 'import-export');
    service = (await clientCredentialsToken(issuer, 'mina-arenden', 'sandbox-mina-arenden-secret'))
      .accessToken!;
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await issuer?.close();
    await sandbox?.close();
  });

  it('answers the all-four person’s events from four departments and their case, namespaced, with every field', async () => {
    const agent = await hub.token('agent', 'agent-anna', 'Anna');
    const registered = await hub.graphql<{ registerContact: { id: string; reference: string } }>(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", personalNumber: "${ANNA}", summary: "Hemlig text i ärendet", resolvedAtFirstLine: false }) { id reference } }`,
      {},
      { token: agent },
    );
    expect(registered.errors).toBeUndefined();
    const { id, reference } = registered.data!.registerContact;
    await hub.graphql(
      `mutation($id: ID!) { forwardCase(caseId: $id, answerGroupKey: "forskola", message: "Internt meddelande") { id } }`,
      { id },
      { token: agent },
    );

    const { response, body } = await pull(person(ANNA), service, { 'x-correlation-id': 'skv-corr-4711' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('skv-corr-4711');
    expect(body.komplett).toBe(true);
    const types = new Set(body.kundhandelser.map((e) => e.kundhandelseTyp.split('.').slice(0, 2).join('.')));
    expect(types).toEqual(
      new Set([
        'EXEMPELSTAD.FORSKOLA',
        'EXEMPELSTAD.EKONOMI_FAKTUROR',
        'EXEMPELSTAD.AVFALL_OCH_ATERVINNING',
        'EXEMPELSTAD.BYGGLOV',
      ]),
    );
    for (const event of body.kundhandelser) {
      expect(event).toMatchObject({ sprak: 'sv', producent: 'EXEMPELSTAD' });
      expect(event.tidpunkt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(event.kundhandelseTyp).toMatch(/^EXEMPELSTAD\.[A-Z0-9_]+\.[A-Z_]+$/);
      expect(typeof event.producentarendetKraverKundatgard).toBe('boolean');
      expect(typeof event.producentarendetKlart).toBe('boolean');
      expect(event.referenser[0].typ).toBe('PRODUCENTARENDE');
    }
    // The childcare offer waits for her answer.
    const offer = body.kundhandelser.find((e) => e.referenser[0].varde === 'FSK-2026-0412')!;
    expect(offer.producentarendetKraverKundatgard).toBe(true);
    // The case: registered and forwarded, in plain words, never its own or internal text.
    const caseTypes = body.kundhandelser
      .filter((e) => e.referenser[0].varde === reference)
      .map((e) => e.kundhandelseTyp);
    expect(caseTypes.sort()).toEqual([
      'EXEMPELSTAD.FORSKOLA.MOTTAGET',
      'EXEMPELSTAD.FORSKOLA.SKICKAT_VIDARE',
    ]);
    expect(JSON.stringify(body)).not.toMatch(/Hemlig text|Internt meddelande/);

    // Logged with the correlation id, and audited as a read by the service with the purpose.
    expect(
      logs.lines.some((l) => l.correlationId === 'skv-corr-4711' && l.msg === 'kundhändelser answered'),
    ).toBe(true);
    const party = await hub.dataSource.getRepository(Party).findOneByOrFail({ personalNumber: ANNA });
    const audit = await hub.dataSource
      .getRepository(AuditRecord)
      .find({ where: { partyId: party.id, actorRole: 'service' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorSubject: 'mina-arenden', purpose: 'Mina ärenden' });
    expect(audit[0].fieldGroups).toEqual(expect.arrayContaining(['statuses', 'cases']));
  });

  it('pages: the same order every time, pages that do not overlap', async () => {
    const first = await pull(person(ANNA, { sida: 1, antalPerSida: 3 }));
    const second = await pull(person(ANNA, { sida: 2, antalPerSida: 3 }));
    const all = await pull(person(ANNA, { antalPerSida: 200 }));
    expect(first.body.kundhandelser).toHaveLength(3);
    expect(first.body.antalSidor).toBe(Math.ceil(all.body.totaltAntal / 3));
    expect([...first.body.kundhandelser, ...second.body.kundhandelser].map((e) => e.kundhandelseId)).toEqual(
      all.body.kundhandelser.slice(0, 6).map((e) => e.kundhandelseId),
    );
    expect(second.response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers no events for a person nobody knows, and says the answer is complete', async () => {
    const { response, body } = await pull(person(NOBODY));
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ kundhandelser: [], totaltAntal: 0, komplett: true });
  });

  it('never passes off a department that is down as “no events”: it is named, and the answer is incomplete', async () => {
    await sandbox.setFault({ system: 'childcare', mode: 'error' });
    // Bertil has not been read yet, so there is no earlier answer to fall back on.
    const { response, body } = await pull(person(BERTIL));
    expect(response.status).toBe(200);
    expect(body.komplett).toBe(false);
    expect(body.kallor.find((k) => k.kalla === 'childcare-queue')).toMatchObject({ status: 'FAILED' });
    expect(
      body.kundhandelser.some((e) => e.kundhandelseTyp.startsWith('EXEMPELSTAD.EKONOMI_FAKTUROR.')),
    ).toBe(true);
  });

  it('gives a protected person’s events without any whereabouts', async () => {
    const { response, body } = await pull(person(CECILIA));
    expect(response.status).toBe(200);
    expect(body.kundhandelser.length).toBeGreaterThan(0);
    const text = JSON.stringify(body);
    for (const place of CECILIA_WHEREABOUTS) expect(text).not.toContain(place);
    expect(text).toContain(PROTECTED_TEXT);
  });

  it('validates the customer identifier with its type', async () => {
    const wrongType = await pull({ kundidentifierare: { typ: 'SAMORDNINGSNUMMER', varde: ANNA } });
    expect(wrongType.response.status).toBe(400);
    expect(wrongType.body.meddelande).toMatch(/är ett personnummer, inte ett samordningsnummer/);
    const coordination = await pull({
      kundidentifierare: { typ: 'SAMORDNINGSNUMMER', varde: '199001612382' },
    });
    expect(coordination.response.status).toBe(200);
    expect(coordination.body).toMatchObject({ kundhandelser: [], komplett: true });
    const coordinationAsPnr = await pull(person('199001612382'));
    expect(coordinationAsPnr.response.status).toBe(400);
    expect(coordinationAsPnr.body.meddelande).toMatch(/är ett samordningsnummer, inte ett personnummer/);
    const bad = await pull(person('199001012386'));
    expect(bad.response.status).toBe(400);
    expect(bad.body.felkod).toBe('OGILTIG_KUNDIDENTIFIERARE');
    const missing = await pull({ kundidentifierare: { typ: 'ORGNR', varde: ANNA } });
    expect(missing.response.status).toBe(400);
    expect(missing.body.felkod).toBe('OGILTIG_FRAGA');
  });

  it('refuses everyone but a service account allowed kundhandelser, and audits nothing for them', async () => {
    const party = await hub.dataSource.getRepository(Party).findOneByOrFail({ personalNumber: ANNA });
    const before = await hub.dataSource.getRepository(AuditRecord).count({ where: { partyId: party.id } });
    const none = await pull(person(ANNA), null);
    expect(none.response.status).toBe(401);
    for (const [role, sub] of [
      ['citizen', ANNA],
      ['agent', 'agent-anna'],
      ['admin', 'admin-adam'],
    ] as const) {
      const refused = await pull(person(ANNA), await hub.token(role, sub));
      expect(refused.response.status).toBe(403);
      expect(refused.body.felkod).toBe('EJ_BEHORIG');
    }
    const other = (await clientCredentialsToken(issuer, 'waste-system', 'sandbox-waste-system-secret'))
      .accessToken!;
    const wrongAccount = await pull(person(ANNA), other);
    expect(wrongAccount.response.status).toBe(403);
    expect(wrongAccount.body.meddelande).toMatch(/"waste-system" may not use kundhandelser/);
    expect(await hub.dataSource.getRepository(AuditRecord).count({ where: { partyId: party.id } })).toBe(
      before,
    );
  });
});
