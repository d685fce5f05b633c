import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import {
  AuditTrail,
  badUserInput,
  forbidden,
  NOT_IDENTIFIED_REASON,
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

/**
 * What this reader may see, decided once per request before any department is asked: the
 * departments where they hold at least information (level 1), and whether they see a
 * protected person's whereabouts (cleared staff; a citizen reads only themselves, so always).
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
  const plugins = ctx.reads.plugins;
  const levels = await policy.mandatesIn(principal, [...new Set(plugins.map((p) => p.department))]);
  for (const plugin of plugins) {
    if (levels.get(plugin.department)! >= 1) permitted.push(plugin.id);
    else withheld.push(plugin.id);
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
    readerKind: principal.role === 'citizen' ? 'citizen' : 'staff',
  };
}

/**
 * What this reader may see of one person: the request's scope, less the secrecy departments
 * this reader may not hear about until the person on the line is identified (decision 0076),
 * which are reported withheld and never asked. The reads that leave them out put the refusal
 * on the audit row (`callerNotIdentified`).
 */
export async function personScopeOf(
  ctx: RequestContext,
  policy: AccessPolicy,
  personalNumber: string,
): Promise<ReaderScope> {
  const scope = await readerScopeOf(ctx, policy);
  const secret = scope.secret ?? [];
  if (!secret.length) return scope;
  const principal = principalOf(ctx);
  const departmentOf = new Map(ctx.reads.plugins.map((p) => [p.id, p.department]));
  const closed: string[] = [];
  for (const id of secret)
    if (!(await policy.identification.identifiedFor(principal, personalNumber, departmentOf.get(id)!)))
      closed.push(id);
  if (!closed.length) return scope;
  return {
    ...scope,
    permitted: scope.permitted.filter((id) => !closed.includes(id)),
    secret: secret.filter((id) => !closed.includes(id)),
    identificationWithheld: closed,
  };
}

/**
 * For a lookup or an action about a person in a secrecy department: refused (and the refusal
 * audited) unless the person on the line is identified for this reader (decision 0076).
 */
export async function assertCallerIdentified(
  ctx: RequestContext,
  policy: AccessPolicy,
  department: string,
  personalNumber: string,
  partyId: string,
): Promise<void> {
  if (!policy.isSecret(department)) return;
  if (await policy.identification.identifiedFor(principalOf(ctx), personalNumber, department)) return;
  auditTrailOf(ctx).record(partyId, [], ['callerNotIdentified']);
  throw forbidden(`${NOT_IDENTIFIED_REASON} (${department})`);
}

/** Opens a person for this reader (audited as a lookup); `prefetch` starts asking the departments now. */
export async function openPerson(
  ctx: RequestContext,
  policy: AccessPolicy,
  personalNumber: string,
  partyId: string,
  prefetch: boolean,
): Promise<Person> {
  const scope = await personScopeOf(ctx, policy, personalNumber);
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
