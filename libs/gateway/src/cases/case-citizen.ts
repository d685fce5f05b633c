import { formatSwedishPhone, PreferredContact } from '@frontdoor/core';
import { PROTECTED_TEXT } from '@frontdoor/plugin-sdk';
import type { AccessPolicy } from '../access/access-policy';
import type { Principal } from '../auth/principal';
import { auditTrailOf, permittedPlugins, personFor } from '../graphql/person-access';
import type { RequestContext } from '../graphql/request-context';
import type { CaseContact, CaseInfo, CasePerson } from './case.types';

/**
 * Who may see the citizen and the callback details on a case: those who handle it. Admins;
 * the first line (agents take every contact; confidential cases are already kept from those
 * outside the group by CaseQueries.mayView); whoever registered it; and, once forwarded, the
 * members and manager of its answer group. A case officer or manager of another group sees
 * the case's matter, never whom to call.
 */
export function mayHandleCitizen(principal: Principal, policy: AccessPolicy, info: CaseInfo): boolean {
  if (principal.role === 'admin' || principal.role === 'agent') return true;
  if (info.stored?.registeredBy === principal.subject) return true;
  return !!info.answerGroup && policy.answerGroupsOf(principal).includes(info.answerGroup.key);
}

/**
 * The citizen's name from the population register, through the request's reader (one fetch
 * per person per request, the reader's mandate respected). The one place a case asks the
 * register; null when there is no register, no mandate for it, or it cannot answer now.
 */
async function registerName(
  ctx: RequestContext,
  policy: AccessPolicy,
  personalNumber: string,
  redactWhereabouts: boolean,
): Promise<{ name: string | null; plugin: string | null }> {
  const register = ctx.sources.plugins.find((p) => p.definition.person.protectedIdentity);
  if (!register || !(await permittedPlugins(ctx, policy)).permitted.includes(register.id))
    return { name: null, plugin: null };
  const outcome = await ctx.sources.read(register.id, personalNumber, { redactWhereabouts });
  if (!outcome.ok) return { name: null, plugin: register.id };
  const record = outcome.detail as { givenName?: string; surname?: string } | null;
  const name = [record?.givenName, record?.surname].filter(Boolean).join(' ');
  return { name: name || null, plugin: register.id };
}

/** The citizen on a case, audited as a read of the person with the case as purpose. */
export async function casePerson(
  ctx: RequestContext,
  policy: AccessPolicy,
  info: CaseInfo,
  personalNumber: string,
): Promise<CasePerson> {
  const person = await personFor(ctx, policy, personalNumber, info.partyId!);
  const { name, plugin } = await registerName(ctx, policy, personalNumber, person.view.redactWhereabouts);
  const trail = auditTrailOf(ctx);
  trail.purpose ??= info.reference;
  trail.record(info.partyId!, plugin ? [plugin] : [], ['casePerson']);
  return { personalNumber, name, protectedIdentity: person.protectedIdentity };
}

/**
 * Callback details as this reader may see them: blanked like whereabouts ("Skyddad uppgift")
 * for a protected person unless the reader is cleared; every read audited.
 */
export async function callbackContact(
  ctx: RequestContext,
  policy: AccessPolicy,
  stored: { phone: string | null; email: string | null; preferred: string | null },
  party: { partyId: string; personalNumber: string; purpose: string } | null,
): Promise<CaseContact | null> {
  if (!stored.phone && !stored.email) return null;
  let blank = false;
  if (party) {
    blank = (await personFor(ctx, policy, party.personalNumber, party.partyId)).view.redactWhereabouts;
    const trail = auditTrailOf(ctx);
    trail.purpose ??= party.purpose;
    trail.record(party.partyId, [], ['callbackContact']);
  }
  const shown = (value: string | null) => (value && blank ? PROTECTED_TEXT : value);
  return {
    phone: shown(stored.phone),
    phoneText: shown(stored.phone && formatSwedishPhone(stored.phone)),
    email: shown(stored.email),
    preferred: stored.preferred as PreferredContact | null,
  };
}
