import { satisfies } from 'semver';
import type { DataSource, EntityManager } from 'typeorm';
import { readPersonAnswer, runActionAnswer, runQueryAnswer } from '../calls/validated-calls';
import type { ConnectionSettingsInput } from '../connection/connection-settings';
import { DepartmentConnection } from '../connection/department-connection';
import type { PersonSource, PluginDefinition, StatusReader } from '../define-plugin';
import { SDK_VERSION } from '../sdk-version';
import type { SourceContext } from '../source-context';
import type { StatusCatalogue } from '../status-catalogue';
import { statusItemInput, type StatusItemInput } from '../status-item';
import { detailFieldsOf, secretValueForms, statusTexts } from '../status-secrecy';
import { StatusState } from '../status-state';
import { blankWhereabouts, protectedPaths, whereaboutsValues } from '../whereabouts';

/** Every kind of reader the hub words statuses for (SDK 4.1): each wording is checked alike. */
const READERS: StatusReader[] = [{ kind: 'staff' }, { kind: 'citizen' }, { kind: 'representative' }];

/** How the kit reaches and disturbs the department system (the real one's test instance, or a fake). */
export interface ContractSystem {
  /** The connection an installation would configure for this system (base URL and auth). */
  connection: ConnectionSettingsInput;
  /** The plugin's own configuration (default `{}`). */
  config?: Record<string, unknown>;
  /** Makes the system fail in one way until cleared with `null`. */
  setFault(mode: 'error' | 'garbage' | 'hang' | null): Promise<void>;
  close(): Promise<void>;
}

export interface PluginContractOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  plugin: PluginDefinition<any, any, any>;
  startSystem(): Promise<ContractSystem>;
  /** Plugin configurations that must be refused, with the key the refusal must name. */
  invalidConfigs?: { config: Record<string, unknown>; key: string }[];
  /** A person the system has matters for, and one it has none for (12 digits). */
  personWithMatters: string;
  personWithout: string;
  /** Every status catalogue the plugin maps codes with. */
  catalogues: StatusCatalogue<string>[];
  /** False for a register that informs but keeps no matters (it adds no status items). */
  matters?: boolean;
  /** Per query field: arguments the system has an answer for, and (optionally) arguments it has none for. */
  queries?: Record<string, { found: Record<string, string>; none?: Record<string, string> }>;
  /** Per action field: an input the system accepts. */
  actions?: Record<string, { input: unknown }>;
  /**
   * For a plugin with `closedToRepresentatives` (SDK 4.4): a person whose answer the system marks
   * closed to representatives (e.g. sekretess mot vårdnadshavare). Required with the hook.
   */
  closedToRepresentatives?: string;
  today?: string;
}

const DEADLINE_MS = 300;

/**
 * The contract every Frontdoor plugin keeps, as one jest suite, run through the same
 * connection (`DepartmentConnection`) and the same validated calls (`readPersonAnswer`,
 * `runQueryAnswer`, `runActionAnswer`) as the hub: its declaration and config schema, its
 * mapping of every catalogue code, a real answer with the base URL written with and without
 * its last slash, every query and action, a base URL where everything is 404 (never "no
 * matters"), garbage, an error and a hang from its system, and its health check.
 */
export function describePluginContract(options: PluginContractOptions): void {
  const { plugin } = options;
  const today = options.today ?? '2026-11-24';
  const queries = plugin.queries ?? [];
  const actions = plugin.actions ?? [];
  const detailFields = detailFieldsOf(plugin.person);

  describe(`plugin contract: ${plugin.id}`, () => {
    let system: ContractSystem;
    let dataSource: DataSource | undefined;
    let config: unknown;
    const connections: DepartmentConnection[] = [];

    /** A connection to the system with its base URL rewritten (e.g. without the last slash). */
    const connect = (rewrite: (baseUrl: string) => string = (u) => u) => {
      if (!plugin.connection) throw new Error(`plugin "${plugin.id}" declares no connection`);
      const settings = { ...system.connection, baseUrl: rewrite(system.connection.baseUrl) };
      const connection = new DepartmentConnection(settings, plugin.connection);
      connections.push(connection);
      return connection;
    };
    let main: DepartmentConnection | undefined;
    const context = (
      options: { signal?: AbortSignal; connection?: DepartmentConnection; idempotencyKey?: string } = {},
    ): SourceContext<unknown> => {
      const signal = options.signal ?? new AbortController().signal;
      const connection = options.connection ?? (main ??= connect());
      return {
        config,
        http: connection.bind(signal, { idempotencyKey: options.idempotencyKey }),
        signal,
        data: dataSource?.manager as EntityManager | undefined,
        today,
      };
    };
    const readPerson = (personalNumber: string, ctx = context()) =>
      readPersonAnswer(plugin.person, ctx, { personalNumber });
    const runStartJobs = async (ctx = context()) => {
      for (const job of plugin.jobs ?? [])
        if (job.runOnStart) await job.run({ ...ctx, data: dataSource!.manager });
    };

    beforeAll(async () => {
      system = await options.startSystem();
      config = plugin.config.parse(system.config ?? {});
      if (plugin.data) {
        // A plugin that keeps its own tables gets them from its own migrations, as in the hub.
        // Loaded only here: a plugin without tables needs no database driver to run the kit.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { DataSource } = require('typeorm') as typeof import('typeorm');
        dataSource = new DataSource({
          type: 'better-sqlite3',
          database: ':memory:',
          entities: plugin.data.entities,
          migrations: plugin.data.migrations,
          migrationsRun: true,
        });
        await dataSource.initialize();
        await runStartJobs();
      }
    });
    afterEach(() => system.setFault(null));
    afterAll(async () => {
      await Promise.all(connections.map((c) => c.close()));
      await dataSource?.destroy();
      await system?.close();
    });

    it('declares itself for this SDK', () => {
      expect(plugin.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(satisfies(SDK_VERSION, plugin.sdk)).toBe(true);
    });

    it('accepts the configuration of its system', () => {
      expect(plugin.config.safeParse(system.config ?? {}).success).toBe(true);
    });

    const invalid = options.invalidConfigs ?? [];
    if (invalid.length) {
      it.each(invalid.map((c) => [c.key, c.config] as const))(
        'refuses a configuration with a bad %s, naming it',
        (key, bad) => {
          const result = plugin.config.safeParse(bad);
          expect(result.success).toBe(false);
          expect(result.error!.issues.map((issue) => issue.path.join('.') || '(root)')).toContain(key);
        },
      );
    }

    it('maps every code of its catalogues to a state and a Swedish label, and an unknown code to UNKNOWN', () => {
      for (const catalogue of options.catalogues) {
        expect(catalogue.codes.length).toBeGreaterThan(0);
        for (const code of catalogue.codes) {
          const entry = catalogue.lookup(code);
          expect(entry.known).toBe(true);
          expect(entry.state).not.toBe(StatusState.UNKNOWN);
          expect(entry.label.trim().length).toBeGreaterThan(0);
        }
        expect(catalogue.lookup('NOT-A-CODE-§').state).toBe(StatusState.UNKNOWN);
      }
    });

    it.each([
      ['with', (u: string) => (u.endsWith('/') ? u : `${u}/`)],
      ['without', (u: string) => u.replace(/\/+$/, '')],
    ])(
      'turns a real answer into valid status items and detail, base URL written %s its last slash',
      async (_how, rewrite) => {
        // The person read of a plugin with its own tables reads them; its job is what talks to the system.
        const connection = connect(rewrite);
        if (plugin.data) await runStartJobs(context({ connection }));
        const answer = await readPerson(options.personWithMatters, context({ connection }));
        expect(answer).not.toBeNull();
        for (const reader of READERS) {
          const items = plugin.person.statuses(answer, today, reader);
          if (options.matters !== false) expect(items.length).toBeGreaterThan(0);
          for (const item of items) expect(statusItemInput.safeParse(item).success).toBe(true);
        }
        for (const field of detailFields)
          expect([field.field, field.map(answer, today)]).not.toEqual([field.field, null]);
      },
    );

    it('keeps every value of its secret fields out of every status text, for every kind of reader', async () => {
      const answer = await readPerson(options.personWithMatters);
      const paths = plugin.person.secretFields ?? [];
      expectPathsReached(answer, 'person.secretFields', paths, options.personWithMatters);
      expectNoSecretInStatuses(plugin.person, answer, today);
    });

    it('declares levels only for status kinds it gives: a misspelt kind would be shown at level 1', async () => {
      const answer = await readPerson(options.personWithMatters);
      expectStatusLevelsReached(plugin.person, answer, today, options.personWithMatters);
    });

    if (plugin.person.closedToRepresentatives) {
      it('closes a marked answer to representatives with a Swedish reason that tells nothing of it, and leaves the others open', async () => {
        const closedTo = plugin.person.closedToRepresentatives!.bind(plugin.person);
        if (!options.closedToRepresentatives)
          throw new Error(
            'give the kit a person whose answer is closed to representatives (options.closedToRepresentatives)',
          );
        expect(closedTo(await readPerson(options.personWithMatters))).toBeUndefined();
        const marked = await readPerson(options.closedToRepresentatives);
        expect(marked).not.toBeNull();
        const reason = closedTo(marked);
        expect(typeof reason === 'string' && reason.trim().length > 0).toBe(true);
        // Nothing of the answer in the reason: no reference, name, date or note from it.
        const told = whereaboutsValues(marked, [...stringPaths(marked)]).filter(
          (value): value is string =>
            typeof value === 'string' && value.length >= 3 && reason!.includes(value),
        );
        expect(told).toEqual([]);
      });
    }

    it('lets no declared whereabouts or place id through for a protected person: blanked, none of the values reach statuses or detail', async () => {
      const answer = await readPerson(options.personWithMatters);
      const paths = protectedPaths(plugin.person);
      const strings = (found: unknown[]) =>
        found.filter((value): value is string => typeof value === 'string' && value.length > 0);
      const originals = strings(whereaboutsValues(answer, paths));
      // Each declared path must reach a value in a real answer, or it protects nothing (misspelt?).
      expectPathsReached(answer, 'person.whereabouts', plugin.person.whereabouts, options.personWithMatters);
      expectPathsReached(
        answer,
        'person.placeIds',
        plugin.person.placeIds,
        options.personWithMatters,
        strings,
      );
      const blanked = blankWhereabouts(answer, paths);
      const shown = JSON.stringify([
        ...READERS.map((reader) => plugin.person.statuses(blanked, today, reader)),
        ...detailFields.map((field) => field.map(blanked, today)),
      ]);
      for (const value of originals) expect(shown).not.toContain(value);
    });

    it('has no matters, and no error, for a person its system does not know', async () => {
      const answer = await readPerson(options.personWithout);
      for (const reader of READERS) expect(plugin.person.statuses(answer, today, reader)).toEqual([]);
      for (const field of detailFields)
        expect([field.field, field.map(answer, today)]).toEqual([field.field, null]);
    });

    if (plugin.connection) {
      it('answers its health check when its system is up, and fails it when the system errs', async () => {
        const connection = connect();
        expect((await connection.checkHealth(new AbortController().signal)).healthy).toBe(true);
        await system.setFault('error');
        expect((await connection.checkHealth(new AbortController().signal)).healthy).toBe(false);
      });

      it('never reads "nothing here" from a base URL where every path is 404: it fails, naming the URL', async () => {
        const lost = connect((u) => `${u.replace(/\/+$/, '')}/no-such-prefix/`);
        const ctx = context({ connection: lost });
        // Each attempt starts only when the one before has settled: a rejection is always awaited.
        const attempts: [string, () => Promise<unknown>][] = plugin.data
          ? [['its import job', () => runStartJobs(ctx)]]
          : [
              ['the person without matters', () => readPerson(options.personWithout, ctx)],
              ['the person with matters', () => readPerson(options.personWithMatters, ctx)],
            ];
        for (const query of queries) {
          const sample = options.queries?.[query.field];
          if (sample && !plugin.data)
            attempts.push([
              `query ${query.field}`,
              () => runQueryAnswer(query, ctx, query.args.parse(sample.none ?? sample.found)),
            ]);
        }
        for (const action of actions) {
          const sample = options.actions?.[action.field];
          if (sample)
            attempts.push([
              `action ${action.field}`,
              () =>
                runActionAnswer(
                  action,
                  context({ connection: lost, idempotencyKey: 'contract-404-key' }),
                  action.input.parse(sample.input),
                ),
            ]);
        }
        const outcomes: [string, string][] = [];
        for (const [what, attempt] of attempts)
          outcomes.push([
            what,
            await attempt().then(
              () => 'answered as if there were nothing there',
              (error: unknown) => (error instanceof Error ? error.message : String(error)),
            ),
          ]);
        expect(outcomes).toEqual(attempts.map(([what]) => [what, expect.stringMatching(/no-such-prefix/)]));
      });
    }

    for (const query of queries) {
      it(`runs its query ${query.field}: a real answer mapped, audited subjects, nothing found is null`, async () => {
        const sample = options.queries?.[query.field];
        if (!sample)
          throw new Error(`give the kit sample arguments for query "${query.field}" (options.queries)`);
        const answer = await runQueryAnswer(query, context(), query.args.parse(sample.found));
        expect(answer).not.toBeNull();
        expect(query.map(answer, today)).toBeTruthy();
        for (const subject of query.subjects(answer)) expect(subject).toMatch(/^\d{12}$/);
        const args = JSON.stringify(sample.found);
        expectPathsReached(answer, `queries.${query.field}.whereabouts`, query.whereabouts, args);
        expectPathsReached(answer, `queries.${query.field}.placeIds`, query.placeIds, args);
        // The hub withholds a protected subject's answer to a lookup by place: it must know who they are.
        if (query.findsByPlace) expect(query.subjects(answer).length).toBeGreaterThan(0);
        if (sample.none)
          await expect(runQueryAnswer(query, context(), query.args.parse(sample.none))).resolves.toBeNull();
      });
    }

    for (const action of actions) {
      it(`runs its action ${action.field}: answered, and a retry with the same idempotency key does not act twice`, async () => {
        const sample = options.actions?.[action.field];
        if (!sample)
          throw new Error(`give the kit a sample input for action "${action.field}" (options.actions)`);
        const input = action.input.parse(sample.input);
        const key = `contract-${action.field}-${Date.now()}`;
        const first = await runActionAnswer(action, context({ idempotencyKey: key }), input);
        const again = await runActionAnswer(action, context({ idempotencyKey: key }), input);
        expect(action.map(first)).toBeTruthy();
        expect(again).toEqual(first);
        for (const subject of action.subjects(input)) expect(subject).toMatch(/^\d{12}$/);
      });
    }

    if (!plugin.data) {
      it('rejects, never maps, garbage from its system', async () => {
        await system.setFault('garbage');
        await expect(readPerson(options.personWithMatters)).rejects.toThrow();
      });

      it('rejects when its system fails', async () => {
        await system.setFault('error');
        await expect(readPerson(options.personWithMatters)).rejects.toThrow();
      });

      it('gives up when the hub’s deadline passes while its system hangs', async () => {
        await system.setFault('hang');
        const outcome = await Promise.race([
          readPerson(options.personWithMatters, context({ signal: AbortSignal.timeout(DEADLINE_MS) })).then(
            () => 'answered',
            () => 'gave up',
          ),
          new Promise((resolve) => setTimeout(resolve, DEADLINE_MS + 2000).unref()).then(
            () => 'ignored the deadline',
          ),
        ]);
        expect(outcome).toBe('gave up');
      });
    } else {
      it('keeps answering from its own tables when its system fails', async () => {
        await system.setFault('error');
        expect(await readPerson(options.personWithMatters)).not.toBeNull();
      });

      it('refuses to import garbage and keeps what it had', async () => {
        await system.setFault('garbage');
        await expect(runStartJobs()).rejects.toThrow();
        expect(await readPerson(options.personWithMatters)).not.toBeNull();
      });
    }
  });
}

/**
 * Fails, naming each declared path that reaches no value in a real answer (`where` says whose):
 * a misspelt path would blank nothing for a protected person.
 */
export function expectPathsReached(
  answer: unknown,
  declaration: string,
  paths: readonly string[],
  where: string,
  keep: (found: unknown[]) => unknown[] = (found) => found,
): void {
  const unreached = paths.filter((path) => keep(whereaboutsValues(answer, [path])).length === 0);
  if (unreached.length)
    throw new Error(
      `${declaration}: ${unreached.map((path) => `"${path}"`).join(', ')} reach${unreached.length === 1 ? 'es' : ''} no value in the answer for ${where}; ` +
        'a path that is misspelt or not in the answer protects nothing (paths are dot-separated, `*` for each item of a list)',
    );
}

/**
 * Fails, naming the path, the reader and the status, when a value at a declared secret field
 * (`person.secretFields`) appears in any status text (title, label, nextStep, reference, action
 * label) as the plugin words it for any kind of reader: such a value belongs in a detail field.
 */
export function expectNoSecretInStatuses(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  person: PersonSource<any, any, any>,
  answer: unknown,
  today: string,
): void {
  const leaks: string[] = [];
  for (const path of person.secretFields ?? []) {
    const forms = secretValueForms(answer, [path]);
    for (const reader of READERS) {
      const items: StatusItemInput[] = person.statuses(answer, today, reader);
      for (const item of items) {
        const texts = statusTexts(item);
        if (forms.some((form) => texts.some((text) => text.includes(form))))
          leaks.push(`"${path}" in the ${reader.kind} reader's status of kind "${item.kind}"`);
      }
    }
  }
  if (leaks.length)
    throw new Error(
      `person.secretFields: a secret value appears in a status text: ${leaks.join('; ')}. ` +
        'A secret field is shown only in a detail field with its own mandate, never in a title, label, nextStep, reference or action label',
    );
}

/**
 * Fails, naming each kind in `person.statusLevels` that no status item of a real answer has, for
 * any kind of reader: a misspelt kind guards nothing, and its items would show at level 1.
 */
export function expectStatusLevelsReached(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  person: PersonSource<any, any, any>,
  answer: unknown,
  today: string,
  where: string,
): void {
  const given = new Set(
    READERS.flatMap((reader) =>
      (person.statuses(answer, today, reader) as StatusItemInput[]).map((i) => i.kind),
    ),
  );
  const unreached = Object.keys(person.statusLevels ?? {}).filter((kind) => !given.has(kind));
  if (unreached.length)
    throw new Error(
      `person.statusLevels: ${unreached.map((kind) => `"${kind}"`).join(', ')} is the kind of no status item in the answer for ${where} ` +
        `(kinds given: ${[...given].map((kind) => `"${kind}"`).join(', ') || 'none'}); a misspelt kind leaves its items at level 1`,
    );
}

/** Every path (with `*` for list items) that leads to a string in `value`. */
function stringPaths(value: unknown, prefix = ''): Set<string> {
  const paths = new Set<string>();
  const join = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (typeof value === 'string' && prefix) paths.add(prefix);
  else if (Array.isArray(value))
    for (const item of value) for (const p of stringPaths(item, join('*'))) paths.add(p);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value))
      for (const p of stringPaths(item, join(key))) paths.add(p);
  return paths;
}
