import { z } from 'zod';
import { valid as validVersion, validRange } from 'semver';
import type { ConnectionDeclaration } from './connection/department-connection';
import type { JobContext, PersonRef, SourceContext } from './source-context';
import type { StatusItemInput } from './status-item';

/** A class decorated with `@ObjectType()` from `@nestjs/graphql`. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type GraphQLObjectClass = Function;

/** The GraphQL type of a field: an object type, or a list of one (`() => [Invoice]`). */
export type GraphQLFieldType = () => GraphQLObjectClass | [GraphQLObjectClass];

/**
 * A typed GraphQL field the plugin adds to `Person` for detail beyond the shared
 * status list, e.g. `Person.childcareQueue`. The hub resolves it from the same
 * department answer as the statuses (one fetch per person and request).
 */
export interface PersonDetailField<TAnswer, TDetail> {
  /** Field name on `Person`, camelCase, e.g. `childcareQueue`. */
  field: string;
  description: string;
  type: GraphQLFieldType;
  /** Maps the department's (validated) answer to the GraphQL object; `null` when the person has none. `today` is Europe/Stockholm. */
  map(answer: TAnswer | null, today: string): TDetail | null;
  /** Mandate level a reader needs in the plugin's department to see this field (1 information … 6 evaluative handling). */
  mandate: MandateLevel;
}

/**
 * Who will read the statuses, so a plugin can word a status for each (SDK 4.1): the person
 * themselves (Mina ärenden, or the national Mina ärenden through the hub), staff of the
 * municipality, or someone acting for the person. The hub decides it from the reader's token.
 */
export interface StatusReader {
  kind: 'citizen' | 'staff' | 'representative';
}

/**
 * How a plugin answers "what does your department have on this person?".
 * `fetch` reads, `answer` validates what the department sent (the hub runs it:
 * garbage becomes SOURCE_INVALID_RESPONSE), `statuses` maps it onto the shared list.
 */
export interface PersonSource<TConfig, TAnswer, TDetail = unknown> {
  fetch(ctx: SourceContext<TConfig>, person: PersonRef): Promise<unknown>;
  answer: z.ZodType<TAnswer>;
  /**
   * `answer` is null when the department knows nothing of the person. `today` is Europe/Stockholm.
   * `reader` says who will read them (since SDK 4.1; the hub always gives it, a test may leave it
   * out, which means staff): e.g. "Vi utreder din ansökan" for the citizen, "Utreds" for staff.
   */
  statuses(answer: TAnswer | null, today: string, reader?: StatusReader): StatusItemInput[];
  detail?: PersonDetailField<TAnswer, TDetail>;
  /**
   * More detail fields, each with its own `mandate` (since SDK 4.2), e.g. the state of an
   * application at level 2 and the decided amount at level 4: levels are one scale, so what
   * needs more than the rest goes in a field of its own. Beside `detail`, which stays.
   */
  details?: PersonDetailField<TAnswer, unknown>[];
  /**
   * The mandate level a reader needs to see a status item of a `kind` (since SDK 4.2); kinds
   * not named need level 1. Below it the item is left out, not blanked: the reader does not
   * learn the matter exists (e.g. `{ 'income-support-application': 2 }`: that someone
   * receives income support is itself secret).
   */
  statusLevels?: Record<string, MandateLevel>;
  /**
   * Answer paths (as `whereabouts`) whose values are secret beyond the status, e.g. the decided
   * amount (since SDK 4.2). They may appear only in a detail field (with its own mandate), never
   * in a status text (title, label, nextStep, reference, action label): the contract kit checks it.
   */
  secretFields?: string[];
  /**
   * Where the answer says where the person is (addresses, units, property designations), as
   * paths with `*` for list items, e.g. `applications.*.offer.unitName`. For a person with
   * protected identity the hub blanks these before `statuses` and `detail` see the answer.
   * Required: a plugin whose answers say nothing of where anyone is declares `[]`.
   */
  whereabouts: string[];
  /**
   * Stable identifiers in the answer that point at a place (property ids, unit ids, bin ids,
   * a status `reference` that is one), as paths like `whereabouts`. They say where a person
   * is as surely as the address (the department's own register leads from one to the other),
   * so the hub blanks them with the whereabouts. Required: `[]` when there are none.
   */
  placeIds: string[];
  /** Only a population-register plugin: whether the person has protected identity (skyddade personuppgifter). */
  protectedIdentity?(answer: TAnswer | null): boolean;
  /**
   * Only a population-register plugin (optional): the person's custody relations, by 12-digit
   * personal number. The hub lets a guardian read a minor child's matters when the child's own
   * record names them (`guardians`); `children` lists whose matters a guardian is offered.
   */
  custody?(answer: TAnswer | null): CustodyRelations;
  /**
   * Since SDK 4.4 (optional): why the department's answer must not reach anyone reading on a
   * representation (a guardian's custody or a power of attorney, on the citizen page or on the
   * phone), in Swedish for the agent or the representative, or `undefined` when nothing stops
   * it: e.g. a matter marked "sekretess mot vårdnadshavare" (OSL 12 kap. 3 § andra stycket).
   * The hub asks it (never the mapping) and then withholds the whole department, refuses its
   * actions and lookups for that person, and audits the refusal. The reason must not tell the
   * matter's contents. Called only with an answer (a department that knows nothing of the
   * person has nothing to withhold).
   */
  closedToRepresentatives?(answer: TAnswer): string | undefined;
}

/** Custody relations from the population register (vårdnadshavare ↔ barn), by personal number. */
export interface CustodyRelations {
  /** The person's vårdnadshavare. */
  guardians: string[];
  /** The children in the person's custody. */
  children: string[];
}

/** Järfälla's mandate levels: what a role must be licensed for to use an operation. */
export type MandateLevel = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * A top-level query the plugin adds, e.g. `Query.buildingPermit(caseNumber:)`.
 * Arguments are strings, validated by `args`; the hub builds the GraphQL field,
 * runs `fetch` under the plugin's deadline and breaker and validates the answer.
 */
export interface PluginQuery<
  TConfig = unknown,
  TArgs = Record<string, string>,
  TAnswer = unknown,
  TResult = unknown,
> {
  field: string;
  description: string;
  /** Each key becomes a `String` argument (required unless the schema makes it optional). */
  args: z.ZodObject<z.ZodRawShape>;
  type: () => GraphQLObjectClass;
  /** Raw department answer, or `null` when there is nothing (the field resolves to null). */
  fetch(ctx: SourceContext<TConfig>, args: TArgs): Promise<unknown>;
  answer: z.ZodType<TAnswer>;
  map(answer: TAnswer, today: string): TResult;
  /** Personal numbers the answer is about, so the hub can audit the read. */
  subjects(answer: TAnswer): string[];
  /** Mandate level needed in the plugin's department (1 information … 6 evaluative handling). */
  mandate: MandateLevel;
  /**
   * Paths in the answer that say where a subject is; blanked when a subject has protected
   * identity. Required, as on `person`: a query whose answers say nothing of where anyone is declares `[]`.
   */
  whereabouts: string[];
  /** Paths to identifiers of a place in the answer, blanked like `whereabouts` (see `PersonSource.placeIds`). */
  placeIds: string[];
  /**
   * Whether the arguments name a place (an address, a property): then any answer about a
   * protected subject, blanked or not, confirms who is there, so for a reader without
   * clearance the hub answers exactly as for a place it does not know (null).
   */
  findsByPlace: boolean;
}

/**
 * A mutation the plugin adds, e.g. `orderBulkyWastePickup`. The client supplies an
 * idempotency key; the hub sends it with every request of the action (`Idempotency-Key`),
 * so a retried call never acts twice. The plugin does not see or pass it.
 */
export interface PluginAction<TConfig = unknown, TInput = unknown, TAnswer = unknown, TResult = unknown> {
  field: string;
  description: string;
  mandate: MandateLevel;
  /** A class decorated with `@InputType()` for the GraphQL argument `input`. */
  inputType: () => GraphQLObjectClass;
  input: z.ZodType<TInput>;
  type: () => GraphQLObjectClass;
  run(ctx: SourceContext<TConfig>, input: TInput): Promise<unknown>;
  answer: z.ZodType<TAnswer>;
  map(answer: TAnswer): TResult;
  /** Personal numbers the action concerns, for the audit log. */
  subjects(input: TInput): string[];
  /**
   * Since SDK 4.3: the action is done by a representative for a subject (e.g. a guardian reporting
   * her child sick). The hub checks, before the department is asked, that the representative may
   * act for the subject in the plugin's department (custody in the population register, or a
   * power of attorney); refused and audited otherwise. Without it, nobody is checked as a representative.
   */
  onBehalfOf?(input: TInput): { representative: string; subject: string };
  /**
   * Since SDK 4.3: a signed-in citizen may run the action too (staff always may, by mandate).
   * `self-or-represented`: the citizen must be the representative `onBehalfOf` names (and the
   * representation hold), or, without `onBehalfOf`, one of the `subjects`.
   */
  citizens?: 'self-or-represented';
}

/** A recurring job the plugin runs (e.g. importing a nightly export). The hub schedules it. */
export interface PluginJob<TConfig = unknown> {
  name: string;
  description: string;
  /** Default interval; configuration may override it per installation. */
  everyMinutes: number;
  /** Also run once when the hub starts (e.g. when the plugin's tables are still empty). */
  runOnStart?: boolean;
  run(ctx: JobContext<TConfig>): Promise<JobReport>;
}

/** What a job run did, recorded and logged by the hub. */
export interface JobReport {
  summary: string;
  /** Counts worth a metric, e.g. { imported: 120, rejected: 2 }. */
  counts?: Record<string, number>;
}

/**
 * What the `queries` and `actions` callbacks of `definePlugin` receive: `defineQuery` and
 * `defineAction` typed with the plugin's own configuration, so `ctx.config` needs no cast.
 */
export interface PluginOperationKit<TConfig> {
  defineQuery<TArgs, TAnswer, TResult>(
    query: PluginQuery<TConfig, TArgs, TAnswer, TResult>,
  ): PluginQuery<TConfig, TArgs, TAnswer, TResult>;
  defineAction<TInput, TAnswer, TResult>(
    action: PluginAction<TConfig, TInput, TAnswer, TResult>,
  ): PluginAction<TConfig, TInput, TAnswer, TResult>;
}

// `any`: each query and action has its own argument and answer types; they are checked where
// they are written (through the kit) and validated at run time.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type AnyPluginQuery<TConfig = unknown> = PluginQuery<TConfig, any, any, unknown>;
export type AnyPluginAction<TConfig = unknown> = PluginAction<TConfig, any, any, unknown>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * How much of the department's data is secret, as the law sees it. `open`: public records;
 * `personal`: personal data without a secrecy statute (the default, e.g. invoices); `secrecy`:
 * data under a secrecy statute (e.g. social services, OSL 26 kap. 1 §). The hub keeps a
 * `secrecy` department closed to everyone until an admin's grant names it and a second admin
 * approves it: a `*` mandate never opens it.
 */
export type SecrecyClass = 'open' | 'personal' | 'secrecy';

export interface SecrecyDeclaration {
  class: SecrecyClass;
  /** The statute that makes it secret, e.g. "OSL 26:1"; required for `secrecy`. */
  statute?: string;
}

/** What a plugin author writes: see `definePlugin`. */
export interface PluginDeclaration<TConfig = unknown, TAnswer = unknown, TDetail = unknown> {
  /** Stable kebab-case id; also the `source` of its status items and the key of its configuration. */
  id: string;
  /** The department as agents know it, in Swedish, e.g. "Förskola". */
  department: string;
  /** The plugin's own version (semver). */
  version: string;
  /** The department's secrecy class; without it, `personal`. Since SDK 4.1. */
  secrecy?: SecrecyDeclaration;
  /** The SDK contract range it was built for, e.g. `^3`. */
  sdk: string;
  /** Schema of the plugin's own configuration (not the connection: the hub owns that); validated at boot. */
  config: z.ZodType<TConfig>;
  /**
   * The department system's HTTP API. The installation gives its base URL and auth
   * (`connection` in the plugin's settings); the plugin names the health endpoint that
   * proves the system answers. Required for a plugin that uses `ctx.http`.
   */
  connection?: ConnectionDeclaration;
  // NoInfer: the config type comes from `config` alone, so plugin code sees it typed everywhere.
  person: PersonSource<NoInfer<TConfig>, TAnswer, TDetail>;
  queries?: (kit: PluginOperationKit<NoInfer<TConfig>>) => AnyPluginQuery<NoInfer<TConfig>>[];
  actions?: (kit: PluginOperationKit<NoInfer<TConfig>>) => AnyPluginAction<NoInfer<TConfig>>[];
  /** Tables the plugin owns (TypeORM entities) and the migrations that create them. Required with `jobs`. */
  data?: {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    entities: Function[];
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    migrations: Function[];
  };
  jobs?: PluginJob<NoInfer<TConfig>>[];
}

/** A checked plugin, as the hub and the contract kit read it: queries and actions resolved to lists. */
export interface PluginDefinition<TConfig = unknown, TAnswer = unknown, TDetail = unknown> extends Omit<
  PluginDeclaration<TConfig, TAnswer, TDetail>,
  'queries' | 'actions'
> {
  queries: AnyPluginQuery<TConfig>[];
  actions: AnyPluginAction<TConfig>[];
}

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'expected a function');

const zodSchema = z.custom((v) => v instanceof z.ZodType, 'expected a zod schema');
const camelCase = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'expected a camelCase field name');
const mandateLevel = z
  .number()
  .int()
  .min(1, 'expected a mandate level 1-6')
  .max(6, 'expected a mandate level 1-6');
const whereaboutsPaths = z.array(
  z.string().regex(/^[A-Za-z0-9_*]+(\.[A-Za-z0-9_*]+)*$/, 'expected dotted paths such as items.*.address'),
);

const detailField = z.object({ field: camelCase, type: fn, map: fn, mandate: mandateLevel }).loose();

const definitionShape = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'expected kebab-case, e.g. childcare-queue'),
    department: z.string().min(1),
    version: z.string().refine((v) => validVersion(v) !== null, 'expected a semver version, e.g. 1.0.0'),
    sdk: z.string().refine((r) => validRange(r) !== null, 'expected a semver range, e.g. ^3'),
    secrecy: z
      .object({
        class: z.enum(['open', 'personal', 'secrecy']),
        statute: z.string().trim().min(1).max(100).optional(),
      })
      .strict()
      .refine((s) => s.class !== 'secrecy' || s.statute !== undefined, {
        path: ['statute'],
        message: 'required for a secrecy department: the statute, e.g. "OSL 26:1"',
      })
      .optional(),
    config: zodSchema,
    connection: z
      .object({
        healthPath: z
          .string()
          .regex(/^[^/:?][^:?]*$/, 'expected a path relative to the base URL, e.g. api/v1/health'),
      })
      .loose()
      .optional(),
    person: z
      .object({
        fetch: fn,
        answer: zodSchema,
        statuses: fn,
        detail: detailField.optional(),
        details: z.array(detailField).optional(),
        statusLevels: z
          .record(z.string().min(1, 'expected a status kind, e.g. income-support-application'), mandateLevel)
          .optional(),
        secretFields: whereaboutsPaths.optional(),
        closedToRepresentatives: fn.optional(),
        whereabouts: whereaboutsPaths,
        placeIds: whereaboutsPaths,
      })
      .loose()
      // Each detail field becomes a field on Person: two of one name would be one field, one level.
      .superRefine((person, issues) => {
        const seen = new Set(person.detail ? [person.detail.field] : []);
        (person.details ?? []).forEach((field, index) => {
          if (seen.has(field.field))
            issues.addIssue({
              code: 'custom',
              path: ['details', index, 'field'],
              message: `"${field.field}" is already a detail field of this plugin: each needs its own name`,
            });
          seen.add(field.field);
        });
      }),
    queries: z
      .array(
        z
          .object({
            field: camelCase,
            args: zodSchema,
            type: fn,
            fetch: fn,
            answer: zodSchema,
            map: fn,
            subjects: fn,
            mandate: mandateLevel,
            whereabouts: whereaboutsPaths,
            placeIds: whereaboutsPaths,
            findsByPlace: z.boolean(),
          })
          .loose(),
      )
      .optional(),
    actions: z
      .array(
        z
          .object({
            field: camelCase,
            mandate: mandateLevel,
            inputType: fn,
            input: zodSchema,
            type: fn,
            run: fn,
            answer: zodSchema,
            map: fn,
            subjects: fn,
            onBehalfOf: fn.optional(),
            citizens: z.literal('self-or-represented', "expected 'self-or-represented'").optional(),
          })
          .loose(),
      )
      .optional(),
    data: z.object({ entities: z.array(fn), migrations: z.array(fn) }).optional(),
    jobs: z
      .array(
        z
          .object({
            name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected kebab-case'),
            everyMinutes: z.number().positive(),
            run: fn,
          })
          .loose(),
      )
      .optional(),
  })
  .loose()
  // A job gets the plugin's tables; without `data` it would get none and fail at its first run.
  .refine((d) => !d.jobs?.length || d.data, {
    path: ['data'],
    message: 'required: a plugin with jobs declares the tables they write',
  });

/** Thrown when a plugin's own declaration is malformed (a bug in the plugin, found at load). */
export class PluginDefinitionError extends Error {
  constructor(
    readonly pluginId: string,
    detail: string,
  ) {
    super(`Plugin "${pluginId}" is malformed: ${detail}`);
    this.name = 'PluginDefinitionError';
  }
}

const operationKit: PluginOperationKit<never> = {
  defineQuery: (query) => query,
  defineAction: (action) => action,
};

/**
 * Declares a department plugin. The declaration is checked here so an author sees a
 * mistake when the module loads, not when an agent is on the phone: the message names the
 * query, action or key that is wrong.
 */
export function definePlugin<TConfig, TAnswer, TDetail>(
  declaration: PluginDeclaration<TConfig, TAnswer, TDetail>,
): PluginDefinition<TConfig, TAnswer, TDetail> {
  const id = String(declaration?.id ?? '?');
  const kit = operationKit as unknown as PluginOperationKit<TConfig>;
  let queries: AnyPluginQuery<TConfig>[];
  let actions: AnyPluginAction<TConfig>[];
  try {
    queries = declaration.queries?.(kit) ?? [];
    actions = declaration.actions?.(kit) ?? [];
  } catch (error) {
    throw new PluginDefinitionError(id, `queries/actions: ${(error as Error).message}`);
  }
  const definition = { ...declaration, queries, actions };
  const checked = definitionShape.safeParse(definition);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new PluginDefinitionError(id, `${describePath(definition, issue.path)}: ${issue.message}`);
  }
  return Object.freeze(definition);
}

/** `queries.0.whereabouts` reads better as `queries.0 (buildingPermit).whereabouts`. */
function describePath(
  definition: { queries: { field?: string }[]; actions: { field?: string }[] },
  path: PropertyKey[],
): string {
  const parts = path.map(String);
  if ((parts[0] === 'queries' || parts[0] === 'actions') && parts.length > 1) {
    const list = parts[0] === 'queries' ? definition.queries : definition.actions;
    const field = list[Number(parts[1])]?.field;
    if (field) parts[1] = `${parts[1]} (${field})`;
  }
  return parts.join('.');
}
