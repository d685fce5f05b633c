import { GraphQLSchemaHost } from '@nestjs/graphql';
import { stockholmDay } from '@frontdoor/plugin-school-absence';
import {
  DEMO_CASE_SETUP,
  allPluginsWithRegister,
  clientCredentialsToken,
  sandboxConnection,
  startDevIssuer,
  startHub,
  startSandbox,
  type DevIssuerHandle,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

/**
 * Who may use what: every query, mutation and Person field group of the schema, for every
 * role, under the hub's default mandates. `service` is a department system signed in with client
 * credentials at the dev OIDC provider, configured for orderBulkyWastePickup and plugins only. The list of operations is read from the schema,
 * so a new field without a row here fails this suite. "Refused" means FORBIDDEN before any
 * work; "allowed" means anything but FORBIDDEN (a made-up id may well be NOT_FOUND).
 */
type HumanRole = 'agent' | 'case_officer' | 'manager' | 'admin' | 'citizen' | 'service';
const ROLES: HumanRole[] = ['agent', 'case_officer', 'manager', 'admin', 'citizen', 'service'];
const STAFF: HumanRole[] = ['agent', 'case_officer', 'manager', 'admin'];
const EVERYONE: HumanRole[] = ['agent', 'case_officer', 'manager', 'admin', 'citizen'];

const ANNA = '199001012385'; // the citizen in this matrix reads herself
const NO_CASE = '00000000-0000-4000-8000-000000000000';
const ORDER_INPUT = `{ propertyId: "P-1001", preferredDate: "2026-12-01", description: "En soffa", orderedBy: "${ANNA}" }`;
const ARTICLE_INPUT = '{ categoryKey: "avfall", title: "Matris", body: "Text" }';
const TARGET = '{ targetKind: ROLE, targetKey: "manager", department: "*" }';
// Anna reports Elsa, her daughter, sick today: staff at level 3, or Anna herself (custody checked).
const SICK_INPUT = `{ pupilPersonalNumber: "201708142425", guardianPersonalNumber: "${ANNA}", date: "${stockholmDay()}", partOfDay: "FULL_DAY" }`;

/** Root operations: a sample document and the roles allowed. */
const OPERATIONS: Record<string, { document: string; allowed: HumanRole[] }> = {
  'Query.plugins': { document: '{ plugins { id } }', allowed: [...EVERYONE, 'service'] },
  'Query.person': { document: `{ person(personalNumber: "${ANNA}") { personalNumber } }`, allowed: EVERYONE },
  'Query.me': { document: '{ me { person { personalNumber } } }', allowed: ['citizen'] },
  'Query.property': { document: '{ property(address: "Storgatan 12") { propertyId } }', allowed: STAFF },
  'Query.buildingPermit': {
    document: '{ buildingPermit(caseNumber: "BN 2026-000123") { caseNumber } }',
    allowed: STAFF,
  },
  'Query.case': { document: `{ case(id: "${NO_CASE}") { id } }`, allowed: STAFF },
  'Query.caseByReference': {
    document: '{ caseByReference(reference: "FD-2026-ZZZZZZ") { id } }',
    allowed: STAFF,
  },
  'Query.personSearch': { document: '{ personSearch(name: "Andersson") { total } }', allowed: STAFF },
  'Query.cases': { document: '{ cases { totalCount } }', allowed: STAFF },
  'Query.previousContact': {
    document: `{ previousContact(personalNumber: "${ANNA}") { phone } }`,
    allowed: STAFF,
  },
  'Query.citizenHeadline': { document: '{ citizenHeadline(type: PARKED) }', allowed: STAFF },
  'Query.serviceStatistics': {
    document: '{ serviceStatistics(from: "2026-11-01", to: "2026-11-30") { contacts } }',
    allowed: STAFF,
  },
  'Query.contactCoverage': { document: '{ contactCoverage(month: "2026-11") { contacts } }', allowed: STAFF },
  'Query.avoidableContacts': {
    document: '{ avoidableContacts(month: "2026-11") { totalContacts } }',
    allowed: ['manager', 'admin'],
  },
  'Query.contactCenterNow': {
    document: '{ contactCenterNow { callsWaiting } }',
    allowed: ['manager', 'admin'],
  },
  'Query.call': { document: '{ call(callId: "no-such-call") { callId } }', allowed: STAFF },
  'Query.myCurrentCall': { document: '{ myCurrentCall { callId } }', allowed: STAFF },
  'Query.callbackQueue': { document: '{ callbackQueue { waiting } }', allowed: STAFF },
  'Query.myCallback': { document: '{ myCallback { id } }', allowed: STAFF },
  'Query.searchKnowledge': { document: '{ searchKnowledge(query: "faktura") { id } }', allowed: STAFF },
  'Query.knowledgeForContact': {
    document: '{ knowledgeForContact(categoryKey: "avfall") { id } }',
    allowed: STAFF,
  },
  'Query.knowledgeArticles': {
    document: '{ knowledgeArticles(categoryKey: "avfall") { id } }',
    allowed: STAFF,
  },
  'Query.knowledgeGapReport': {
    document: '{ knowledgeGapReport(from: "2026-11-01", to: "2026-11-30") { forwarded } }',
    allowed: STAFF,
  },
  'Query.lettersNeeded': { document: '{ lettersNeeded { caseId } }', allowed: STAFF },
  'Query.purposeReasons': { document: '{ purposeReasons { key } }', allowed: STAFF },
  'Query.satisfaction': {
    document: '{ satisfaction(from: "2026-11-01", to: "2026-11-30") { total { answers } } }',
    allowed: STAFF,
  },
  'Query.operatingNotices': { document: '{ operatingNotices { id } }', allowed: STAFF },
  'Query.categorySpikes': { document: '{ categorySpikes { categoryKey } }', allowed: ['manager', 'admin'] },
  'Query.failedJobs': { document: '{ failedJobs { id } }', allowed: ['admin'] },
  'Query.auditRecords': {
    document: `{ auditRecords(personalNumber: "${ANNA}") { at } }`,
    allowed: ['admin'],
  },
  'Query.mandates': { document: '{ mandates { effective } }', allowed: ['admin'] },
  'Query.accessChanges': { document: '{ accessChanges { at } }', allowed: ['admin'] },
  'Mutation.registerContact': {
    document:
      'mutation { registerContact(input: { channel: PHONE, categoryKey: "avfall", summary: "Matris" }) { id } }',
    allowed: STAFF,
  },
  'Mutation.forwardCase': {
    document: `mutation { forwardCase(caseId: "${NO_CASE}", answerGroupKey: "forskola", message: "x") { id } }`,
    allowed: STAFF,
  },
  'Mutation.assignCase': {
    document: `mutation { assignCase(caseId: "${NO_CASE}") { id } }`,
    allowed: ['case_officer', 'manager', 'admin'],
  },
  // The caller's identification (decision 0076): staff; the agent who started one follows it.
  'Query.callerIdentification': {
    document: '{ callerIdentification(personalNumber: "199001012385") { id } }',
    allowed: STAFF,
  },
  'Query.identificationExceptionReasons': {
    document: '{ identificationExceptionReasons { key } }',
    allowed: STAFF,
  },
  'Mutation.startCallerIdentification': {
    document: 'mutation { startCallerIdentification(personalNumber: "199001012385") { id } }',
    allowed: STAFF,
  },
  'Mutation.collectCallerIdentification': {
    document: `mutation { collectCallerIdentification(id: "${NO_CASE}") { id } }`,
    allowed: STAFF,
  },
  'Mutation.cancelCallerIdentification': {
    document: `mutation { cancelCallerIdentification(id: "${NO_CASE}") { id } }`,
    allowed: STAFF,
  },
  'Mutation.recordIdentificationException': {
    document:
      'mutation { recordIdentificationException(personalNumber: "199001012385", reason: "x") { id } }',
    allowed: STAFF,
  },
  'Mutation.addCaseNote': {
    document: `mutation { addCaseNote(caseId: "${NO_CASE}", text: "x") { id } }`,
    allowed: STAFF,
  },
  'Mutation.replyToCitizen': {
    document: `mutation { replyToCitizen(caseId: "${NO_CASE}", text: "x") { id } }`,
    allowed: STAFF,
  },
  'Mutation.answerCaseByEmail': {
    document: `mutation { answerCaseByEmail(caseId: "${NO_CASE}", text: "x") { id } }`,
    allowed: STAFF,
  },
  'Mutation.markLetterSent': {
    document: 'mutation { markLetterSent(key: "no-such-message") { key } }',
    allowed: ['case_officer', 'manager', 'admin'],
  },
  'Mutation.publishOperatingNotice': {
    document:
      'mutation { publishOperatingNotice(input: { title: "T", text: "x", categoryKey: "avfall", validTo: "2099-01-01T00:00:00Z" }) { id } }',
    allowed: ['manager', 'admin'],
  },
  'Mutation.withdrawOperatingNotice': {
    document: `mutation { withdrawOperatingNotice(id: "${NO_CASE}") }`,
    allowed: ['manager', 'admin'],
  },
  'Mutation.closeCase': {
    document: `mutation { closeCase(caseId: "${NO_CASE}", resolution: "x") { id } }`,
    allowed: STAFF,
  },
  'Mutation.parkCase': {
    document: `mutation { parkCase(caseId: "${NO_CASE}", wakeOn: "2099-01-01", reason: "x") { id } }`,
    allowed: ['case_officer', 'manager', 'admin'],
  },
  'Mutation.resumeCase': {
    document: `mutation { resumeCase(caseId: "${NO_CASE}", reason: "x") { id } }`,
    allowed: ['case_officer', 'manager', 'admin'],
  },
  'Mutation.reopenCase': {
    document: `mutation { reopenCase(caseId: "${NO_CASE}", reason: "x") { id } }`,
    allowed: STAFF,
  },
  'Mutation.createKnowledgeArticle': {
    document: `mutation { createKnowledgeArticle(input: ${ARTICLE_INPUT}) { id } }`,
    allowed: ['case_officer', 'manager', 'admin'],
  },
  'Mutation.updateKnowledgeArticle': {
    document: `mutation { updateKnowledgeArticle(id: "${NO_CASE}", input: ${ARTICLE_INPUT}) { id } }`,
    allowed: ['case_officer', 'manager', 'admin'],
  },
  // Level 3 in Avfall och återvinning: by default only the first line holds it (officers, managers and admins have 1),
  // and the waste system's own service account, given level 3 there below.
  'Mutation.orderBulkyWastePickup': {
    document: `mutation { orderBulkyWastePickup(idempotencyKey: "matrix-key-1", input: ${ORDER_INPUT}) { orderId } }`,
    allowed: ['agent', 'service'],
  },
  'Mutation.reportPupilSick': {
    document: `mutation { reportPupilSick(idempotencyKey: "matrix-sick-1", input: ${SICK_INPUT}) { registered } }`,
    allowed: ['agent', 'citizen'],
  },
  'Mutation.grantMandate': {
    document: `mutation { grantMandate(target: ${TARGET}, level: 1) { effective } }`,
    allowed: ['admin'],
  },
  // Staff register powers of attorney from the signed document (issue 24, item 3); a self-power is BAD_USER_INPUT.
  'Mutation.registerPowerOfAttorney': {
    document: `mutation { registerPowerOfAttorney(input: { principalPersonalNumber: "${ANNA}", agentPersonalNumber: "${ANNA}", departments: ["Bygglov"], validFrom: "2026-01-01" }) { id } }`,
    allowed: ['agent', 'admin'],
  },
  'Mutation.revokePowerOfAttorney': {
    document: `mutation { revokePowerOfAttorney(id: "${NO_CASE}") { id } }`,
    allowed: ['agent', 'admin'],
  },
  'Mutation.revokeMandate': { document: `mutation { revokeMandate(target: ${TARGET}) }`, allowed: ['admin'] },
  // Nothing waits here (and `*` is no secrecy department): an admin gets BAD_USER_INPUT, the rest FORBIDDEN.
  'Mutation.approveMandateGrant': {
    document: `mutation { approveMandateGrant(target: ${TARGET}, level: 1) { effective } }`,
    allowed: ['admin'],
  },
  'Query.questionCategories': { document: '{ questionCategories { key } }', allowed: EVERYONE },
  'Mutation.askQuestion': {
    document:
      'mutation { askQuestion(input: { categoryKey: "avfall", question: "Matris", contact: { email: "matris@example.se" } }) { reference } }',
    allowed: ['citizen'],
  },
  'Mutation.setNotificationPreference': {
    document: 'mutation { setNotificationPreference(channel: EMAIL) { channel } }',
    allowed: ['citizen'],
  },
  'Mutation.takeNextCallback': { document: 'mutation { takeNextCallback { id } }', allowed: STAFF },
  'Mutation.recordCallbackOutcome': {
    document: `mutation { recordCallbackOutcome(callbackId: "${NO_CASE}", outcome: REACHED) { id } }`,
    allowed: STAFF,
  },
  'Mutation.requestCallback': {
    document: 'mutation { requestCallback(input: { number: "070-123 45 67" }) { id } }',
    allowed: ['citizen'],
  },
};

/** Person field groups (read on the person the role may look up), and the roles allowed each. */
const PERSON_FIELDS: Record<string, { selection: string; allowed: HumanRole[] }> = {
  personalNumber: { selection: 'personalNumber', allowed: EVERYONE },
  protectedIdentity: { selection: 'protectedIdentity', allowed: EVERYONE },
  statuses: { selection: 'statuses { reference }', allowed: EVERYONE },
  sources: { selection: 'sources { plugin }', allowed: EVERYONE },
  cases: { selection: 'cases { id }', allowed: EVERYONE },
  childcareQueue: { selection: 'childcareQueue { applications { applicationId } }', allowed: EVERYONE },
  invoices: { selection: 'invoices { invoiceNumber }', allowed: EVERYONE },
  wasteCollection: { selection: 'wasteCollection { dataAsOf }', allowed: EVERYONE },
  buildingPermits: { selection: 'buildingPermits { caseNumber }', allowed: EVERYONE },
  // Level 2 in Grundskola – frånvaro: agents (3) only under the default mandates.
  schoolAbsence: { selection: 'schoolAbsence { school }', allowed: ['agent'] },
  populationRecord: { selection: 'populationRecord { givenName }', allowed: EVERYONE },
  representatives: { selection: 'representatives { personalNumber }', allowed: STAFF },
  represents: { selection: 'represents { personalNumber }', allowed: STAFF },
};

const REFUSED = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

describe('role × operation matrix, generated from the schema', () => {
  let sandbox: SandboxHandle;
  let issuer: DevIssuerHandle;
  let hub: TestHub;
  const tokens = {} as Record<HumanRole, string>;

  beforeAll(async () => {
    [sandbox, issuer] = await Promise.all([startSandbox(), startDevIssuer()]);
    hub = await startHub({
      sandbox,
      plugins: {
        ...allPluginsWithRegister(sandbox),
        // A plugin with an action citizens may run (SDK 4.3), so its row is in the matrix.
        'school-absence': { connection: sandboxConnection(sandbox, 'school') },
      },
      cases: DEMO_CASE_SETUP,
      env: { AUTH_OIDC_ISSUER: issuer.url },
      auth: { serviceAccounts: { 'waste-system': { operations: ['orderBulkyWastePickup', 'plugins'] } } },
      access: { mandates: { roles: { service: { 'Avfall och återvinning': 3 } } } },
    });
    for (const role of ROLES.filter((r) => r !== 'service'))
      tokens[role] = await hub.token(role, role === 'citizen' ? ANNA : `matrix-${role}`);
    const service = await clientCredentialsToken(issuer, 'waste-system', 'sandbox-waste-system-secret');
    tokens.service = service.accessToken!;
  });
  afterAll(async () => {
    await hub?.close();
    await Promise.all([sandbox?.close(), issuer?.close()]);
  });

  it('has a rule for every query, mutation and Person field in the schema, and none for a field that is gone', () => {
    const schema = hub.app.get(GraphQLSchemaHost).schema;
    const roots = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
    ].sort();
    expect(roots).toEqual(Object.keys(OPERATIONS).sort());
    const personFields = Object.keys(
      (schema.getType('Person') as unknown as { getFields(): Record<string, unknown> }).getFields(),
    ).sort();
    expect(personFields).toEqual(Object.keys(PERSON_FIELDS).sort());
  });

  const rows = Object.entries(OPERATIONS).flatMap(([operation, rule]) =>
    ROLES.map((role) => [operation, role, rule.allowed.includes(role)] as const),
  );
  it.each(rows)('%s as %s: allowed %p', async (_operation, role, allowed) => {
    const { status, errors } = await hub.graphql(
      OPERATIONS[_operation].document,
      {},
      { token: tokens[role] },
    );
    const codes = (errors ?? []).map((e) => String(e.extensions?.code));
    if (allowed) {
      expect(codes.filter((c) => REFUSED.has(c))).toEqual([]);
    } else {
      expect(codes[0]).toBe('FORBIDDEN');
      expect(status).toBe(200);
    }
  });

  const fieldRows = Object.entries(PERSON_FIELDS).flatMap(([field, rule]) =>
    ROLES.map((role) => [field, role, rule.allowed.includes(role)] as const),
  );
  it.each(fieldRows)('Person.%s as %s: allowed %p', async (field, role, allowed) => {
    const { errors } = await hub.graphql(
      `{ person(personalNumber: "${ANNA}") { ${PERSON_FIELDS[field].selection} } }`,
      {},
      { token: tokens[role] },
    );
    const codes = (errors ?? []).map((e) => String(e.extensions?.code));
    if (allowed) expect(codes.filter((c) => REFUSED.has(c))).toEqual([]);
    else expect(codes).toContain('FORBIDDEN');
  });

  it('refuses every operation to a caller without a token', async () => {
    for (const { document } of Object.values(OPERATIONS)) {
      const { errors } = await hub.graphql(document, {}, { token: null });
      expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
