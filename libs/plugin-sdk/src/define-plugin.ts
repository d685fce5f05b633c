import { z } from 'zod';
import { valid as validVersion, validRange } from 'semver';
import type { PersonRef, SourceContext } from './source-context';
import type { StatusItemInput } from './status-item';

/** A class decorated with `@ObjectType()` from `@nestjs/graphql`. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type GraphQLObjectClass = Function;

/**
 * A typed GraphQL field the plugin adds to `Person` for detail beyond the shared
 * status list, e.g. `Person.childcareQueue`. The hub resolves it from the same
 * department answer as the statuses (one fetch per person and request).
 */
export interface PersonDetailField<TAnswer, TDetail> {
  /** Field name on `Person`, camelCase, e.g. `childcareQueue`. */
  field: string;
  description: string;
  type: () => GraphQLObjectClass;
  /** Maps the department's (validated) answer to the GraphQL object; `null` when the person has none. */
  map(answer: TAnswer | null): TDetail | null;
}

/**
 * How a plugin answers "what does your department have on this person?".
 * `fetch` reads, `answer` validates what the department sent (the hub runs it:
 * garbage becomes SOURCE_INVALID_RESPONSE), `statuses` maps it onto the shared list.
 */
export interface PersonSource<TConfig, TAnswer, TDetail = unknown> {
  fetch(ctx: SourceContext<TConfig>, person: PersonRef): Promise<unknown>;
  answer: z.ZodType<TAnswer>;
  /** `answer` is null when the department knows nothing of the person. `today` is Europe/Stockholm. */
  statuses(answer: TAnswer | null, today: string): StatusItemInput[];
  detail?: PersonDetailField<TAnswer, TDetail>;
}

export interface PluginDefinition<TConfig = unknown, TAnswer = unknown, TDetail = unknown> {
  /** Stable kebab-case id; also the `source` of its status items and the key of its configuration. */
  id: string;
  /** The department as agents know it, in Swedish, e.g. "Förskola". */
  department: string;
  /** The plugin's own version (semver). */
  version: string;
  /** The SDK contract range it was built for, e.g. `^1`. */
  sdk: string;
  /** Schema of the plugin's configuration; the hub validates it at boot. */
  config: z.ZodType<TConfig>;
  person: PersonSource<TConfig, TAnswer, TDetail>;
  /** Resolves when the department system answers; rejects with the reason otherwise. */
  health?(ctx: SourceContext<TConfig>): Promise<void>;
}

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'expected a function');

const definitionShape = z.object({
  id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'expected kebab-case, e.g. childcare-queue'),
  department: z.string().min(1),
  version: z.string().refine((v) => validVersion(v) !== null, 'expected a semver version, e.g. 1.0.0'),
  sdk: z.string().refine((r) => validRange(r) !== null, 'expected a semver range, e.g. ^1'),
  config: z.custom((v) => v instanceof z.ZodType, 'expected a zod schema'),
  person: z
    .object({
      fetch: fn,
      answer: z.custom((v) => v instanceof z.ZodType, 'expected a zod schema'),
      statuses: fn,
      detail: z
        .object({ field: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'expected a camelCase field name'), type: fn, map: fn })
        .loose()
        .optional(),
    })
    .loose(),
}).loose();

/** Thrown when a plugin's own declaration is malformed (a bug in the plugin, found at load). */
export class PluginDefinitionError extends Error {
  constructor(readonly pluginId: string, detail: string) {
    super(`Plugin "${pluginId}" is malformed: ${detail}`);
    this.name = 'PluginDefinitionError';
  }
}

/**
 * Declares a department plugin. The declaration is checked here so an author sees a
 * mistake when the module loads, not when an agent is on the phone.
 */
export function definePlugin<TConfig, TAnswer, TDetail>(
  definition: PluginDefinition<TConfig, TAnswer, TDetail>,
): PluginDefinition<TConfig, TAnswer, TDetail> {
  const checked = definitionShape.safeParse(definition);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new PluginDefinitionError(String(definition?.id ?? '?'), `${issue.path.join('.')}: ${issue.message}`);
  }
  return Object.freeze({ ...definition });
}
