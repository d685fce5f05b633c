import {
  ErrorCode,
  FrontdoorError,
  basisKey,
  forbidden,
  parsePersonalNumber,
  type LoadedPlugin,
  type PartyService,
  type Representations,
} from '@frontdoor/core';
import type { AnyPluginAction } from '@frontdoor/plugin-sdk';
import type { AccessPolicy } from '../platform/access/access-policy';
import { assertOpenToRepresentative, auditTrailOf } from '../platform/request/person-access';
import { ownPersonalNumber } from '../platform/request/representation-access';
import { type RequestContext, principalOf } from '../platform/request/request-context';

/** The register's refusals worded for the agent, who speaks of the caller in the third person. */
const STAFF_WORDING: Partial<Record<string, string>> = {
  NOT_GUARDIAN: 'Den som anmäler är inte vårdnadshavare för barnet enligt folkbokföringen.',
  NOT_MINOR: 'Personen har fyllt 18 år: en vårdnadshavare företräder inte längre personen.',
  NO_POWER: 'Den som anmäler är inte vårdnadshavare för personen och har ingen fullmakt från personen.',
};

/** Only the person herself, never someone else's name, on Mina ärenden. */
const NOT_YOURSELF = 'Du kan bara göra detta i ditt eget namn.';

/**
 * A citizen may run an action only where the plugin opens it to citizens (SDK 4.3) and the
 * citizen role may read the department at all (level ≥ 1): the action's own mandate is a
 * staff licence. Refused before anything is read or asked.
 */
export async function assertCitizenMayRun(
  ctx: RequestContext,
  policy: AccessPolicy,
  plugin: LoadedPlugin,
  action: AnyPluginAction,
): Promise<void> {
  if (action.citizens !== 'self-or-represented')
    throw forbidden(
      `${action.field} is done by staff with a mandate in ${plugin.department}, not by citizens.`,
    );
  const levels = await policy.mandatesIn(principalOf(ctx), [plugin.department]);
  if ((levels.get(plugin.department) ?? 0) < 1)
    throw forbidden(`${action.field}: the citizen role has no access to ${plugin.department} here.`);
}

/**
 * Before the department is asked: for an action done on someone's behalf (`onBehalfOf`), the
 * representative must represent the subject in the plugin's department (custody read now from
 * the population register, or a power of attorney: `Representations`), and a citizen must be the
 * representative herself; without `onBehalfOf`, a citizen must be one of the subjects. A refusal
 * is FORBIDDEN with the reason in Swedish (`reason` the code) and audited on the subject; an
 * accepted one marks the subject's audit row "on behalf of".
 */
export async function assertActsOnBehalf(
  ctx: RequestContext,
  parties: PartyService,
  representations: Representations,
  plugin: LoadedPlugin,
  action: AnyPluginAction,
  input: unknown,
  subjects: string[],
): Promise<void> {
  const principal = principalOf(ctx);
  const citizen = principal.role === 'citizen';
  const trail = auditTrailOf(ctx);
  const own = citizen ? ownPersonalNumber(principal) : null;
  if (!action.onBehalfOf) {
    if (own && !subjects.includes(own)) {
      const party = await parties.partyFor(subjects[0]!);
      trail.refuse(party.id, NOT_YOURSELF, [action.field]);
      throw new FrontdoorError(ErrorCode.FORBIDDEN, NOT_YOURSELF, { reason: 'NOT_YOURSELF' });
    }
    return;
  }
  const named = action.onBehalfOf(input);
  const representative = parsePersonalNumber(named.representative).value;
  const subject = parsePersonalNumber(named.subject).value;
  const subjectParty = await parties.partyFor(subject);
  if (own && own !== representative) {
    trail.refuse(subjectParty.id, NOT_YOURSELF, [action.field]);
    throw new FrontdoorError(ErrorCode.FORBIDDEN, NOT_YOURSELF, { reason: 'NOT_YOURSELF' });
  }
  const decision = (
    await representations.decide(representative, subject, [plugin.department], undefined, (pn) =>
      ctx.reads.custody(pn),
    )
  ).get(plugin.department)!;
  if (!decision.ok) {
    const reason = citizen ? decision.reason : (STAFF_WORDING[decision.code] ?? decision.reason);
    trail.refuse(subjectParty.id, reason, [action.field]);
    throw new FrontdoorError(ErrorCode.FORBIDDEN, reason, { reason: decision.code });
  }
  trail.representing(subjectParty.id, {
    personalNumber: representative,
    name: citizen ? (principal.name ?? null) : null,
    basis: basisKey(decision.basis),
  });
  // Custody or a power holds, but the department may keep the subject's matters from them (SDK 4.4).
  await assertOpenToRepresentative(ctx, plugin.id, subject, subjectParty.id, action.field);
}
