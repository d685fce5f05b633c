import type { SourceFailure } from '../errors';
import type { FetchedAnswer } from './person-answers';
import type { PluginRuntime } from './plugin-runtime';

/** Whether a person has protected identity, and from which register; `failure` when the register could not say (then protected). */
export interface Protection {
  protected: boolean;
  source: string | null;
  failure?: SourceFailure;
}

/**
 * Skyddade personuppgifter, from the one plugin that declares `protectedIdentity` (the
 * population register). Fail closed: when the register cannot say, the person is treated as
 * protected. Without a register plugin, nobody is (the installation has no source for it).
 */
export async function protectionOf(
  register: PluginRuntime | undefined,
  personalNumber: string,
  answer: (pluginId: string, personalNumber: string) => Promise<FetchedAnswer>,
): Promise<Protection> {
  if (!register) return { protected: false, source: null };
  const fetched = await answer(register.id, personalNumber);
  if (!fetched.ok) return { protected: true, source: register.id, failure: fetched.failure };
  return {
    protected: register.plugin.definition.person.protectedIdentity!(fetched.answer),
    source: register.id,
  };
}
