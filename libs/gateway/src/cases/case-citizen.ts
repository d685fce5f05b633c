import { formatSwedishPhone, PreferredContact, type OpenedPerson } from '@frontdoor/core';
import { PROTECTED_TEXT } from '@frontdoor/plugin-sdk';
import type { AccessPolicy } from '../platform/access/access-policy';
import type { Principal } from '../platform/auth/principal';
import { auditTrailOf, personScopeOf } from '../platform/request/person-access';
import type { RequestContext } from '../platform/request/request-context';
import type { CaseContact, CaseInfo, CasePerson } from '../platform/schema/case.types';

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
 * The person as this reader meets them on a case: the reader's one person read path, audited
 * under `fieldGroup` instead of a `lookup` of their own (the case is the purpose).
 */
async function personOnCase(
  ctx: RequestContext,
  policy: AccessPolicy,
  party: { personalNumber: string; partyId: string },
  fieldGroup: 'casePerson' | 'callbackContact',
): Promise<OpenedPerson> {
  const scope = await personScopeOf(ctx, policy, party.personalNumber, party.partyId);
  return ctx.reads.open(party.personalNumber, party.partyId, scope, auditTrailOf(ctx), {
    prefetch: false,
    fieldGroup,
  });
}

/**
 * The citizen's name from the population register (the plugin that declares protection),
 * within the reader's mandate, audited as that plugin's detail; null when there is no
 * register, no mandate for it, or it cannot answer now.
 */
async function registerName(ctx: RequestContext, person: OpenedPerson): Promise<string | null> {
  const register = ctx.reads.plugins.find((p) => p.definition.person.protectedIdentity);
  if (!register || !person.scope.permitted.includes(register.id)) return null;
  const read = await ctx.reads.detail(person, register.id, auditTrailOf(ctx));
  if (!read.ok) return null;
  const record = read.detail as { givenName?: string; surname?: string } | null;
  return [record?.givenName, record?.surname].filter(Boolean).join(' ') || null;
}

/** The citizen on a case, audited as a read of the person with the case as purpose. */
export async function casePerson(
  ctx: RequestContext,
  policy: AccessPolicy,
  info: CaseInfo,
  personalNumber: string,
): Promise<CasePerson> {
  const trail = auditTrailOf(ctx);
  trail.purpose ??= info.reference;
  const person = await personOnCase(ctx, policy, { personalNumber, partyId: info.partyId! }, 'casePerson');
  return {
    personalNumber,
    name: await registerName(ctx, person),
    protectedIdentity: person.protectedIdentity,
  };
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
    auditTrailOf(ctx).purpose ??= party.purpose;
    blank = (await personOnCase(ctx, policy, party, 'callbackContact')).redactWhereabouts;
  }
  const shown = (value: string | null) => (value && blank ? PROTECTED_TEXT : value);
  return {
    phone: shown(stored.phone),
    phoneText: shown(stored.phone && formatSwedishPhone(stored.phone)),
    email: shown(stored.email),
    preferred: stored.preferred as PreferredContact | null,
  };
}
