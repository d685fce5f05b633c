import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isCompositeType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { AuditRecord, KnowledgeArticle, ServiceCase } from '@frontdoor/core';
import { ARGUMENT_TEXT_LIMITS, textRuleFor } from '@frontdoor/gateway';
import {
  DEMO_CASE_SETUP,
  LogLines,
  allPluginsWithRegister,
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const ANNA = '199001012385';
const ERROR_LEVEL = 50;

/** A String or ID the schema takes: its coordinate, its path from the field's arguments, and the way there. */
interface TextInput {
  root: 'Query' | 'Mutation';
  field: GraphQLField<unknown, unknown>;
  coordinate: string;
  /** Argument name, then input fields or list indexes (`input.contact.email`, `input.checklist.0`). */
  path: string[];
}

/** Every String and ID a query or mutation takes, in its arguments and the input objects under them. */
function textInputs(schema: GraphQLSchema): TextInput[] {
  const found: TextInput[] = [];
  const walk = (
    root: TextInput['root'],
    field: GraphQLField<unknown, unknown>,
    type: GraphQLInputType,
    coordinate: string,
    path: string[],
    seen: Set<string>,
  ) => {
    const nullable = getNullableType(type);
    if (isListType(nullable)) return walk(root, field, nullable.ofType, coordinate, [...path, '0'], seen);
    if (isInputObjectType(nullable)) {
      if (seen.has(nullable.name)) return;
      for (const f of Object.values(nullable.getFields()))
        walk(
          root,
          field,
          f.type,
          `${nullable.name}.${f.name}`,
          [...path, f.name],
          new Set([...seen, nullable.name]),
        );
      return;
    }
    if (isScalarType(nullable) && (nullable.name === 'String' || nullable.name === 'ID'))
      found.push({ root, field, coordinate, path });
  };
  for (const root of ['Query', 'Mutation'] as const) {
    const type = root === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
    for (const field of Object.values(type.getFields()))
      for (const arg of field.args)
        walk(root, field, arg.type, `${root}.${field.name}(${arg.name}:)`, [arg.name], new Set());
  }
  return found;
}

/** A value the type accepts, with `leaf` at `path` (the rest: the least each required field needs). */
function valueOf(type: GraphQLInputType, path: string[], leaf: string): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return path.length ? [valueOf(nullable.ofType, path.slice(1), leaf)] : [];
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(nullable.getFields())) {
      if (f.name === path[0]) value[f.name] = valueOf(f.type, path.slice(1), leaf);
      else if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = valueOf(f.type, [], '');
    }
    return value;
  }
  if (path.length === 0 && leaf !== '' && isScalarType(nullable) && ['String', 'ID'].includes(nullable.name))
    return leaf;
  if (isEnumType(nullable)) return nullable.getValues()[0].name;
  switch (nullable.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2026-12-01';
    case 'DateTime':
      return '2026-12-01T00:00:00.000Z';
    default:
      return 'x';
  }
}

/** An operation sending `leaf` at the input's path, every other required argument at its least. */
function operationFor(input: TextInput, leaf: string): { query: string; variables: Record<string, unknown> } {
  const args = input.field.args.filter(
    (a: GraphQLArgument) =>
      a.name === input.path[0] || (isNonNullType(a.type) && a.defaultValue === undefined),
  );
  const variables = Object.fromEntries(
    args.map((a) => [
      a.name,
      valueOf(
        a.type,
        a.name === input.path[0] ? input.path.slice(1) : [],
        a.name === input.path[0] ? leaf : '',
      ),
    ]),
  );
  const selection = isCompositeType(getNamedType(input.field.type)) ? ' { __typename }' : '';
  const definitions = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    query: `${input.root.toLowerCase()}${definitions ? `(${definitions})` : ''} { ${input.field.name}${call ? `(${call})` : ''}${selection} }`,
    variables,
  };
}

/**
 * Text input on GraphQL (issue 21, finding 9): every String and ID argument and input field
 * has a length limit and refuses control characters, before any resolver runs, as
 * BAD_USER_INPUT naming the argument path; read from the schema, so a new argument is proven
 * bounded by this suite. Refused means nothing was written and nothing logged as a fault.
 */
describe('text input limits on every GraphQL argument', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let schema: GraphQLSchema;
  let admin: string;
  let agent: string;
  let citizen: string;
  const logs = new LogLines();

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      // Every plugin with a free-text input in the table of limits.
      plugins: {
        ...allPluginsWithRegister(sandbox),
        'home-care': { connection: sandboxConnection(sandbox, 'homecare') },
        parking: { connection: sandboxConnection(sandbox, 'parking') },
        swimming: { connection: sandboxConnection(sandbox, 'swim') },
      },
      cases: DEMO_CASE_SETUP,
      env: { RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'info' },
      logs,
    });
    schema = hub.app.get(GraphQLSchemaHost).schema;
    admin = await hub.token('admin', 'admin-text');
    agent = await hub.token('agent', 'agent-text');
    citizen = await hub.token('citizen', ANNA, 'Anna Andersson');
  });
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });
  afterEach(() => {
    // A refusal of the caller's input is never a fault of the hub: no error-level line.
    expect(logs.lines.filter((l) => Number(l.level) >= ERROR_LEVEL)).toEqual([]);
  });

  const cases = () => hub.dataSource.getRepository(ServiceCase).count();

  it('refuses text over its limit, and NUL, in every String and ID argument the schema has', async () => {
    const inputs = textInputs(schema);
    // The walk found the schema's text (a broken walk would prove nothing).
    expect(inputs.length).toBeGreaterThan(40);
    expect(inputs.map((i) => i.coordinate)).toEqual(
      expect.arrayContaining([
        'RegisterContactInput.summary',
        'Query.person(purpose:)',
        'KnowledgeArticleInput.body',
      ]),
    );
    const before = await cases();
    const unbounded: string[] = [];
    for (const input of inputs) {
      const rule = textRuleFor(input.coordinate);
      const field = input.path.join('.');
      for (const [leaf, reason] of [
        ['x'.repeat(rule.max + 1), 'TEXT_TOO_LONG'],
        ['a\u0000b', 'CONTROL_CHARACTER'],
      ] as const) {
        const { query, variables } = operationFor(input, leaf);
        const { status, errors } = await hub.graphql(query, variables, { token: admin });
        const refused =
          status === 400 &&
          errors?.length === 1 &&
          errors[0].extensions?.code === 'BAD_USER_INPUT' &&
          errors[0].extensions?.field === field &&
          errors[0].extensions?.reason === reason &&
          errors[0].message.startsWith(`${field}: `);
        if (!refused) unbounded.push(`${input.coordinate} (${reason}): ${status} ${JSON.stringify(errors)}`);
      }
    }
    expect(unbounded).toEqual([]);
    expect(await cases()).toBe(before);
  });

  it('names only arguments the schema has in its table of limits (no stale rows)', () => {
    const coordinates = new Set(textInputs(schema).map((i) => i.coordinate));
    expect(Object.keys(ARGUMENT_TEXT_LIMITS).filter((c) => !coordinates.has(c))).toEqual([]);
  });

  it('has no subscription arguments (the check runs on HTTP; graphql-ws would need it too)', () => {
    const subscription = schema.getSubscriptionType()!;
    expect(Object.values(subscription.getFields()).filter((f) => f.args.length)).toEqual([]);
  });

  it('refuses a 900 kB summary and a NUL in it without writing a case, and takes lines and tabs', async () => {
    const register = (summary: string) =>
      hub.graphql<{ registerContact: { id: string } }>(
        'mutation($summary: String!) { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", summary: $summary }) { id } }',
        { summary },
        { token: agent },
      );
    const before = await cases();
    for (const summary of ['x'.repeat(900_000), 'Köplats\u0000']) {
      const { status, errors } = await register(summary);
      expect(status).toBe(400);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.summary' });
    }
    expect(await cases()).toBe(before);
    const { errors } = await register('Köplats:\n\t– hösten\r\n– våren');
    expect(errors).toBeUndefined();
    expect(await cases()).toBe(before + 1);
  });

  it('refuses a NUL in a question asked on the web, and an e-mail over 254 characters, writing nothing', async () => {
    const before = await cases();
    const ask = await hub.graphql(
      'mutation($q: String!) { askQuestion(input: { categoryKey: "avfall", question: $q, contact: { phone: "070-123 45 67" } }) { reference } }',
      { q: 'Varför\u0000?' },
      { token: citizen },
    );
    expect(ask.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.question' });
    const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.se`;
    expect(long.length).toBeGreaterThan(254);
    const preference = await hub.graphql(
      'mutation($email: String) { setNotificationPreference(channel: EMAIL, email: $email) { channel } }',
      { email: long },
      { token: citizen },
    );
    expect(preference.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(await cases()).toBe(before);
  });

  it('refuses a NUL in a lookup’s purpose before the person is read or audited', async () => {
    const audits = await hub.dataSource.getRepository(AuditRecord).count();
    const { errors } = await hub.graphql(
      `query($purpose: String) { person(personalNumber: "${ANNA}", purpose: $purpose) { personalNumber } }`,
      { purpose: 'Ärende\u0000' },
      { token: agent },
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
    expect(await hub.dataSource.getRepository(AuditRecord).count()).toBe(audits);
  });

  it('refuses a knowledge article body over 20,000 characters, writing no article', async () => {
    const manager = await hub.token('manager', 'chef-text');
    const create = (body: string) =>
      hub.graphql(
        'mutation($body: String!) { createKnowledgeArticle(input: { categoryKey: "avfall", title: "Lång", body: $body }) { id } }',
        { body },
        { token: manager },
      );
    const before = await hub.dataSource.getRepository(KnowledgeArticle).count();
    expect((await create('x'.repeat(900_000))).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.body',
    });
    expect(await hub.dataSource.getRepository(KnowledgeArticle).count()).toBe(before);
    expect((await create('Rad ett\nRad två\n'.repeat(1000))).errors).toBeUndefined();
  });

  it.each([
    ['knowledgeGapReport', 'from', '1000-01-01', '2026-11-30'],
    ['knowledgeGapReport', 'to', '2026-11-01', '9999-12-31'],
    ['serviceStatistics', 'from', '1999-12-31', '2026-11-30'],
    ['serviceStatistics', 'to', '2026-11-01', '3026-11-30'],
  ])('refuses %s with a %s outside 2000-01-01 to a year ahead', async (field, bad, from, to) => {
    const selection = field === 'serviceStatistics' ? '{ contacts }' : '{ categoryKey }';
    const { errors } = await hub.graphql(
      `{ ${field}(from: "${from}", to: "${to}") ${selection} }`,
      {},
      { token: agent },
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: bad });
  });

  it('answers a report over 2000-01-01 to a year ahead, and refuses the CSV past it with 400', async () => {
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
    const { errors } = await hub.graphql(
      `{ knowledgeGapReport(from: "2000-01-01", to: "${nextYear}") { categoryKey } serviceStatistics(from: "2000-01-01", to: "${nextYear}") { contacts } }`,
      {},
      { token: agent },
    );
    expect(errors).toBeUndefined();
    const csv = await fetch(`${hub.url}/reports/service-statistics.csv?from=1000-01-01&to=2026-11-30`, {
      headers: { authorization: `Bearer ${agent}` },
    });
    expect(csv.status).toBe(400);
  });
});
