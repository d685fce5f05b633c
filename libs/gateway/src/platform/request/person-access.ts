import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import {
  AuditTrail,
  badUserInput,
  forbidden,
  samePerson,
  sourceError,
  type OpenedPerson,
  type ReaderScope,
  type SourceFailure,
} from '@frontdoor/core';
import type { AccessPolicy } from '../access/access-policy';
import type { Principal } from '../auth/principal';
import type { Person } from '../schema/person.type';
import { type RequestContext, principalOf } from './request-context';

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

/** The `purpose` argument of a lookup, a plugin's query and a plugin's action. */
export const PURPOSE_DESCRIPTION =
  'Why: the open contact or case id, or a short reason (at most 200 characters). Written on the audit row; required of staff where the configuration says so.';

/**
 * Checks and records why a person is looked up: the open contact or case id, or a reason.
 * Staff must give one when the hub is configured so; a citizen's reason is their own data.
 */
export function recordPurpose(
  ctx: RequestContext,
  policy: AccessPolicy,
  purpose: string | undefined | null,
): void {
  const principal = principalOf(ctx);
  const given = purpose?.trim() ?? '';
  if (given.length > PURPOSE_MAX) {
    throw badUserInput(
      `purpose: at most ${PURPOSE_MAX} characters (an open case id or a short reason).`,
      'purpose',
    );
  }
  if (!given && policy.purposeRequired && principal.role !== 'citizen') {
    throw badUserInput(
      'purpose: required here. Give the open contact or case id, or a short reason for the lookup.',
      'purpose',
    );
  }
  const trail = auditTrailOf(ctx);
  trail.purpose = given || (principal.role === 'citizen' ? 'egen uppgift' : trail.purpose);
}

/** The level a citizen's own statuses are compared with: every status kind of their own (see decideReaderScope). */
const OWN_MATTERS_LEVEL = 6;

/**
 * What this reader may see, decided once per request before any department is asked: the
 * departments where they hold at least information (level 1), their level in each (which
 * status kinds they see, SDK 4.2 `statusLevels`), and whether they see a protected person's
 * whereabouts (cleared staff; a citizen reads only themselves, so always).
 */
export function readerScopeOf(ctx: RequestContext, policy: AccessPolicy): Promise<ReaderScope> {
  ctx.readerScope ??= decideReaderScope(principalOf(ctx), ctx, policy);
  return ctx.readerScope;
}

async function decideReaderScope(
  principal: Principal,
  ctx: RequestContext,
  policy: AccessPolicy,
): Promise<ReaderScope> {
  const permitted: string[] = [];
  const withheld: string[] = [];
  const secret: string[] = [];
  const statusLevels: Record<string, number> = {};
  const plugins = ctx.reads.plugins;
  const ownMatters = principal.role === 'citizen';
  const levels = await policy.mandatesIn(principal, [...new Set(plugins.map((p) => p.department))]);
  for (const plugin of plugins) {
    const level = levels.get(plugin.department)!;
    if (level >= 1) permitted.push(plugin.id);
    else withheld.push(plugin.id);
    // A citizen reads only themselves, and secrecy does not hold against the person it protects
    // (OSL 12 kap. 1 §): they see every status of their own. Staff see the kinds their level reaches.
    statusLevels[plugin.id] = ownMatters && level >= 1 ? OWN_MATTERS_LEVEL : level;
    if (policy.isSecret(plugin.department)) secret.push(plugin.id);
  }
  const seesProtectedWhereabouts =
    principal.role === 'citizen' || policy.clearedForProtectedIdentity(principal);
  return {
    permitted,
    withheld,
    seesProtectedWhereabouts,
    secret: secret.filter((id) => permitted.includes(id)),
    // A citizen reads only themselves: the plugins word their statuses for the person.
    readerKind: ownMatters ? 'citizen' : 'staff',
    levels: statusLevels,
  };
}

/** Opens a person for this reader (audited as a lookup); `prefetch` starts asking the departments now. */
export async function openPerson(
  ctx: RequestContext,
  policy: AccessPolicy,
  personalNumber: string,
  partyId: string,
  prefetch: boolean,
): Promise<Person> {
  const scope = await readerScopeOf(ctx, policy);
  const view: OpenedPerson = await ctx.reads.open(personalNumber, partyId, scope, auditTrailOf(ctx), {
    prefetch,
  });
  return { personalNumber, partyId, protectedIdentity: view.protectedIdentity, view };
}

/**
 * The one route a department's failure takes to the client: an error entry (SOURCE_UNAVAILABLE
 * / SOURCE_INVALID_RESPONSE, naming the plugin) at the field's path, beside the partial answer.
 */
export function reportSourceFailures(
  ctx: RequestContext,
  failures: SourceFailure[],
  info: GraphQLResolveInfo,
): void {
  const path = responsePathAsArray(info.path);
  for (const failure of failures) ctx.sourceErrors.push(sourceError(failure, path));
}
