import type { ZodError, ZodType } from 'zod';
import type { AnyPluginAction, AnyPluginQuery, PersonSource } from '../define-plugin';
import type { PersonRef, SourceContext } from '../source-context';
import { SourceAnswerInvalidError } from '../source-errors';

/** A zod error in one line: the first few `path: message` pairs. */
export function describeZodError(error: ZodError, limit = 3): string {
  return error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** What a department sent, checked against the plugin's schema: garbage is an error, never mapped. */
export function validateAnswer<T>(schema: ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new SourceAnswerInvalidError(describeZodError(parsed.error));
  return parsed.data;
}

/**
 * The three calls into a plugin, each fetch → validate, written once. The hub runs them
 * inside its deadline, breaker and metrics (`PluginRuntime.call`); the contract kit runs the
 * very same functions, so what the kit passes is what the hub will do.
 */
export async function readPersonAnswer<TConfig, TAnswer>(
  source: PersonSource<TConfig, TAnswer, unknown>,
  ctx: SourceContext<TConfig>,
  person: PersonRef,
): Promise<TAnswer | null> {
  const raw = await source.fetch(ctx, person);
  return raw === null ? null : validateAnswer(source.answer, raw);
}

/** `null`: the department has no such thing (the field resolves to null). */
export async function runQueryAnswer<TConfig>(
  query: AnyPluginQuery<TConfig>,
  ctx: SourceContext<TConfig>,
  args: Record<string, unknown>,
): Promise<unknown> {
  const raw = await query.fetch(ctx, args);
  return raw === null ? null : validateAnswer(query.answer, raw);
}

export async function runActionAnswer<TConfig>(
  action: AnyPluginAction<TConfig>,
  ctx: SourceContext<TConfig>,
  input: unknown,
): Promise<unknown> {
  return validateAnswer(action.answer, await action.run(ctx, input));
}

/** A client's arguments or input checked against the plugin's schema; `field` names the first bad one. */
export type InputCheck<T> = { ok: true; value: T } | { ok: false; message: string; field: string };

export function checkInput<T>(schema: ZodType<T>, raw: unknown, prefix = ''): InputCheck<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0]?.path.join('.') ?? '';
  return { ok: false, message: describeZodError(parsed.error), field: `${prefix}${first}` };
}
