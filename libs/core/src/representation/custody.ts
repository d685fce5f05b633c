import type { CustodyRelations } from '@frontdoor/plugin-sdk';
import type { SourceFailure } from '../errors';
import type { FetchedAnswer } from '../sources/person-answers';
import type { PluginRuntime } from '../sources/plugin-runtime';

/** Custody from the population register, or why it could not be read (then nobody is a guardian). */
export type Custody =
  ({ ok: true } & CustodyRelations) | { ok: false; reason: string; failure?: SourceFailure };

/**
 * The person's custody relations from the one plugin that declares `custody` (the population
 * register), read like any answer: fresh, or from the cache within the plugin's ttl. Fail
 * closed: a register that cannot answer, or only from a stale cache, confirms no custody.
 */
export async function custodyOf(
  register: PluginRuntime | undefined,
  personalNumber: string,
  answer: (pluginId: string, personalNumber: string) => Promise<FetchedAnswer>,
): Promise<Custody> {
  const declared = register?.plugin.definition.person.custody;
  if (!register || !declared) return { ok: false, reason: 'no population register with custody relations' };
  const fetched = await answer(register.id, personalNumber);
  if (!fetched.ok)
    return { ok: false, reason: 'the population register did not answer', failure: fetched.failure };
  if (fetched.stale)
    return {
      ok: false,
      reason: 'the population register did not answer (only an old copy)',
      failure: fetched.failure,
    };
  return { ok: true, ...declared(fetched.answer) };
}
