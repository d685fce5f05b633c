import { satisfies } from 'semver';
import { DataSource, type EntityManager } from 'typeorm';
import type { PluginDefinition } from '../define-plugin';
import { SDK_VERSION } from '../sdk-version';
import type { SourceContext } from '../source-context';
import { SourceHttpClient } from '../source-http-client';
import { statusItemInput } from '../status-item';
import { blankWhereabouts, whereaboutsValues } from '../whereabouts';
import type { StatusCatalogue } from '../status-catalogue';
import { StatusState } from '../status-state';

/** How the kit reaches and disturbs the department system (the real one's test instance, or a fake). */
export interface ContractSystem {
  /** The plugin configuration that points at this system. */
  config: Record<string, unknown>;
  /** Makes the system fail in one way until cleared with `null`. */
  setFault(mode: 'error' | 'garbage' | 'hang' | null): Promise<void>;
  close(): Promise<void>;
}

export interface PluginContractOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  plugin: PluginDefinition<any, any, any>;
  startSystem(): Promise<ContractSystem>;
  /** Configurations that must be refused, with the key the refusal must name. */
  invalidConfigs: { config: Record<string, unknown>; key: string }[];
  /** A person the system has matters for, and one it has none for (12 digits). */
  personWithMatters: string;
  personWithout: string;
  /** Every status catalogue the plugin maps codes with. */
  catalogues: StatusCatalogue<string>[];
  /** False for a register that informs but keeps no matters (it adds no status items). */
  matters?: boolean;
  today?: string;
}

const DEADLINE_MS = 300;

/**
 * The contract every Frontdoor plugin keeps, as one jest suite: its declaration and
 * config schema, its mapping of every catalogue code, what it makes of a real answer, of
 * garbage, of an error and of a hang from its system, and its health check. Call it from
 * a test file; it declares the tests.
 */
export function describePluginContract(options: PluginContractOptions): void {
  const { plugin } = options;
  const today = options.today ?? '2026-11-24';

  describe(`plugin contract: ${plugin.id}`, () => {
    let system: ContractSystem;
    let http: SourceHttpClient;
    let dataSource: DataSource | undefined;
    let config: unknown;

    const context = (signal = new AbortController().signal): SourceContext<unknown> => ({
      config,
      http: http.bind(signal),
      signal,
      data: dataSource?.manager as EntityManager | undefined,
      today,
    });
    const readPerson = async (personalNumber: string, signal?: AbortSignal) => {
      const raw = await plugin.person.fetch(context(signal), { personalNumber });
      return raw === null ? null : plugin.person.answer.parse(raw);
    };
    const runStartJobs = async () => {
      for (const job of plugin.jobs ?? [])
        if (job.runOnStart) await job.run({ ...context(), data: dataSource!.manager });
    };

    beforeAll(async () => {
      system = await options.startSystem();
      http = new SourceHttpClient();
      config = plugin.config.parse(system.config);
      if (plugin.data) {
        // A plugin that keeps its own tables gets them from its own migrations, as in the hub.
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
      await http?.close();
      await dataSource?.destroy();
      await system?.close();
    });

    it('declares itself for this SDK', () => {
      expect(plugin.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(satisfies(SDK_VERSION, plugin.sdk)).toBe(true);
    });

    it('accepts the configuration of its system', () => {
      expect(plugin.config.safeParse(system.config).success).toBe(true);
    });

    it.each(options.invalidConfigs.map((c) => [c.key, c.config] as const))(
      'refuses a configuration with a bad %s, naming it',
      (key, bad) => {
        const result = plugin.config.safeParse(bad);
        expect(result.success).toBe(false);
        expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain(key);
      },
    );

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

    it('turns a real answer into valid status items and detail', async () => {
      const answer = await readPerson(options.personWithMatters);
      expect(answer).not.toBeNull();
      const items = plugin.person.statuses(answer, today);
      if (options.matters !== false) expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(statusItemInput.safeParse(item).success).toBe(true);
      if (plugin.person.detail) expect(plugin.person.detail.map(answer, today)).not.toBeNull();
    });

    it('lets no declared whereabouts through for a protected person: blanked, none of the values reach statuses or detail', async () => {
      const answer = await readPerson(options.personWithMatters);
      const paths = plugin.person.whereabouts;
      const originals = whereaboutsValues(answer, paths).filter(
        (value): value is string => typeof value === 'string' && value.length > 0,
      );
      // Declared paths must exist in a real answer, or the declaration protects nothing.
      if (paths.length > 0) expect(originals.length).toBeGreaterThan(0);
      const blanked = blankWhereabouts(answer, paths);
      const shown = JSON.stringify([
        plugin.person.statuses(blanked, today),
        plugin.person.detail?.map(blanked, today) ?? null,
      ]);
      for (const value of originals) expect(shown).not.toContain(value);
    });

    it('has no matters, and no error, for a person its system does not know', async () => {
      const answer = await readPerson(options.personWithout);
      expect(plugin.person.statuses(answer, today)).toEqual([]);
      if (plugin.person.detail) expect(plugin.person.detail.map(answer, today)).toBeNull();
    });

    it('answers health when its system is up', async () => {
      if (plugin.health) await expect(plugin.health(context())).resolves.toBeUndefined();
    });

    if (!options.plugin.data) {
      it('rejects, never maps, garbage from its system', async () => {
        await system.setFault('garbage');
        await expect(readPerson(options.personWithMatters)).rejects.toThrow();
      });

      it('rejects when its system fails', async () => {
        await system.setFault('error');
        await expect(readPerson(options.personWithMatters)).rejects.toThrow();
        if (plugin.health) await expect(plugin.health(context())).rejects.toThrow();
      });

      it('gives up when the hub’s deadline passes while its system hangs', async () => {
        await system.setFault('hang');
        const outcome = await Promise.race([
          readPerson(options.personWithMatters, AbortSignal.timeout(DEADLINE_MS)).then(
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
