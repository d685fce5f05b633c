import { AuditTrail, badUserInput, forbidden, samePerson, type PersonSourceOutcome } from '@frontdoor/core';
import type { AccessPolicy } from '../access/access-policy';
import type { Principal } from '../auth/principal';
import type { Person } from './person.type';
import type { RequestContext } from './request-context';

/** A citizen may read only themselves; staff roles any person, within their mandates per department. */
export function assertMayReadPerson(principal: Principal, personalNumber: string): void {
  if (
    principal.role === 'citizen' &&
    !samePerson(principal.personalNumber ?? principal.subject, personalNumber)
  ) {
    throw forbidden('A citizen may only read their own data.');
  }
}

/** The request's audit trail, created on first use. */
export function auditTrailOf(ctx: RequestContext): AuditTrail {
  if (!ctx.principal) throw new Error('audit before authentication');
  ctx.audit ??= new AuditTrail({ subject: ctx.principal.subject, role: ctx.principal.role }, ctx.requestId);
  return ctx.audit;
}

const PURPOSE_MAX = 200;

/**
 * Checks and records why a person is looked up: the open contact or case id, or a reason.
 * Staff must give one when the hub is configured so; a citizen's reason is their own data.
 */
export function recordPurpose(
  ctx: RequestContext,
  policy: AccessPolicy,
  purpose: string | undefined | null,
): void {
  const principal = ctx.principal!;
  const given = purpose?.trim() ?? '';
  if (given.length > PURPOSE_MAX)
    throw badUserInput(
      `purpose: at most ${PURPOSE_MAX} characters (an open case id or a short reason).`,
      'purpose',
    );
  if (!given && policy.purposeRequired && principal.role !== 'citizen') {
    throw badUserInput(
      'purpose: required here. Give the open contact or case id, or a short reason for the lookup.',
      'purpose',
    );
  }
  const trail = auditTrailOf(ctx);
  trail.purpose = given || (principal.role === 'citizen' ? 'egen uppgift' : trail.purpose);
}

/**
 * The person as this reader may see them: whether they have protected identity (fail
 * closed when the register cannot say) and whether whereabouts are blanked. A citizen
 * reading themselves sees their own whereabouts.
 */
export async function personFor(
  ctx: RequestContext,
  policy: AccessPolicy,
  personalNumber: string,
  partyId: string,
): Promise<Person> {
  const principal = ctx.principal!;
  const protection = await ctx.sources.protectedIdentity(personalNumber);
  const ownData = principal.role === 'citizen';
  const redactWhereabouts =
    protection.protected && !ownData && !policy.clearedForProtectedIdentity(principal);
  return { personalNumber, partyId, protectedIdentity: protection.protected, view: { redactWhereabouts } };
}

/** Plugins whose department the reader holds at least information (level 1) in, and the others; decided once per request. */
export function permittedPlugins(
  ctx: RequestContext,
  policy: AccessPolicy,
): Promise<{ permitted: string[]; withheld: string[] }> {
  ctx.permittedPlugins ??= decidePermittedPlugins(ctx, policy);
  return ctx.permittedPlugins;
}

async function decidePermittedPlugins(
  ctx: RequestContext,
  policy: AccessPolicy,
): Promise<{ permitted: string[]; withheld: string[] }> {
  const permitted: string[] = [];
  const withheld: string[] = [];
  for (const plugin of ctx.sources.plugins) {
    if ((await policy.mandateIn(ctx.principal!, plugin.department)) >= 1) permitted.push(plugin.id);
    else withheld.push(plugin.id);
  }
  return { permitted, withheld };
}

/** The departments' answers this reader may have: only plugins where they hold at least information (level 1). */
export async function readPermittedSources(
  ctx: RequestContext,
  policy: AccessPolicy,
  person: Person,
): Promise<{ read: PersonSourceOutcome[]; withheld: string[] }> {
  const { permitted, withheld } = await permittedPlugins(ctx, policy);
  const read = await Promise.all(
    permitted.map((id) => ctx.sources.read(id, person.personalNumber, person.view)),
  );
  return { read, withheld };
}
