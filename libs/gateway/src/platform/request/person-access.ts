import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import {
  AuditTrail,
  badUserInput,
  forbidden,
  NOT_IDENTIFIED_REASON,
  samePerson,
  type PurposeTies,
  sourceError,
  type OpenedPerson,
  type ReaderScope,
  type SourceFailure,
} from '@frontdoor/core';
import type { AccessPolicy } from '../access/access-policy';
import type { Principal } from '../auth/principal';
import type { Person } from '../schema/person.type';
import type { PurposeInput } from '../schema/purpose.types';
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

/** The `why` argument beside `purpose`. */
export const WHY_DESCRIPTION =
  'Why, as a purpose from `purposeReasons` with the case or call it is for. Departments the configuration names (access.purpose.requiredIn) are read or acted on only with it.';

/**
 * For a plugin's own query or action: a department in `access.purpose.requiredIn` is asked only
 * with a purpose from the list (staff; a citizen acts on their own data).
 */
export function assertPurposeFromList(ctx: RequestContext, policy: AccessPolicy, department: string): void {
  if (principalOf(ctx).role === 'citizen' || ctx.purposeFromList || !policy.purposeNeededIn(department))
    return;
  throw badUserInput(
    `why: ${department} is asked only with a purpose from the list (why: { reason: … }; see purposeReasons).`,
    'why',
  );
}

/**
 * Checks and records why a person is looked up or a department acted on: free text (`purpose`:
 * the open contact or case id, or a reason) and/or a purpose from the configured list (`why`,
 * with the case or call it is for, checked to exist). Staff must give one when the hub is
 * configured so; a citizen's reason is their own data. Departments in
 * `access.purpose.requiredIn` are read only with a purpose from the list (`readerScopeOf`).
 */
export async function recordPurpose(
  ctx: RequestContext,
  policy: AccessPolicy,
  { purpose, why }: { purpose?: string | null; why?: PurposeInput | null },
  ties?: PurposeTies,
): Promise<void> {
  const principal = principalOf(ctx);
  if (why && !ties) throw new Error('recordPurpose: a purpose from the list needs PurposeTies to check it');
  const given = purpose?.trim() ?? '';
  if (given.length > PURPOSE_MAX) {
    throw badUserInput(
      `purpose: at most ${PURPOSE_MAX} characters (an open case id or a short reason).`,
      'purpose',
    );
  }
  const chosen = why ? await checkedWhy(why, policy, ties!) : undefined;
  if (!given && !chosen && policy.purposeRequired && principal.role !== 'citizen') {
    throw badUserInput(
      'purpose: required here. Give the open contact or case id, or a short reason for the lookup.',
      'purpose',
    );
  }
  const trail = auditTrailOf(ctx);
  trail.purpose =
    chosen?.text || given || (principal.role === 'citizen' && !chosen ? 'egen uppgift' : trail.purpose);
  if (chosen) {
    trail.purposeReason = chosen.reason;
    trail.purposeCaseId = chosen.caseId;
    trail.purposeCallId = chosen.callId;
  }
  ctx.purposeFromList ||= chosen !== undefined;
}

/** `why` validated against the configured list, its text and the case or call it names. */
async function checkedWhy(
  why: PurposeInput,
  policy: AccessPolicy,
  ties: PurposeTies,
): Promise<{ reason: string; text: string; caseId: string | null; callId: string | null }> {
  const reason = policy.purposeReasons.find((r) => r.key === why.reason);
  if (!reason) {
    throw badUserInput(
      `why.reason: not a configured purpose (one of ${policy.purposeReasons.map((r) => r.key).join(', ')}).`,
      'why.reason',
    );
  }
  const text = why.text?.trim() ?? '';
  if (text.length > PURPOSE_MAX)
    throw badUserInput(`why.text: at most ${PURPOSE_MAX} characters.`, 'why.text');
  if (reason.needsText && !text)
    throw badUserInput(`why.text: required with the purpose "${reason.label}": say why.`, 'why.text');
  const caseId = why.caseId?.trim() || null;
  const callId = why.callId?.trim() || null;
  if (caseId && !CASE_ID.test(caseId)) throw badUserInput('why.caseId: not a case id.', 'why.caseId');
  if (callId && !CALL_ID.test(callId)) throw badUserInput('why.callId: not a call id.', 'why.callId');
  const problems = await ties.problems({ caseId, callId });
  if (problems.length)
    throw badUserInput(`why.${problems[0].field}: ${problems[0].message}.`, `why.${problems[0].field}`);
  return { reason: reason.key, text, caseId, callId };
}

const CASE_ID = /^[0-9A-Za-z-]{1,36}$/;
const CALL_ID = /^[A-Za-z0-9._:-]{1,100}$/;

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
  const purposeWithheld: string[] = [];
  // Staff without a purpose from the list do not read the departments that need one.
  const missingPurpose = principal.role !== 'citizen' && !ctx.purposeFromList;
  for (const plugin of plugins) {
    const level = levels.get(plugin.department)!;
    if (level < 1) withheld.push(plugin.id);
    else if (missingPurpose && policy.purposeNeededIn(plugin.department)) purposeWithheld.push(plugin.id);
    else permitted.push(plugin.id);
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
    purposeWithheld,
    // A citizen reads only themselves: the plugins word their statuses for the person.
    readerKind: ownMatters ? 'citizen' : 'staff',
    levels: statusLevels,
  };
}

/** Why a secrecy department stays closed though the caller is identified as a representative (Swedish). */
export function representativeRefusedReason(reason: string): string {
  return `Sekretess: den som ringer är identifierad men företräder inte personen här. ${reason}`;
}

/**
 * What this reader may see of one person: the request's scope, less the secrecy departments
 * this reader may not hear about until the person on the line is identified (decision 0076),
 * which are reported withheld and never asked. The reads that leave them out put the refusal
 * on the audit row (`callerNotIdentified`); a refused representative's reason gets a row of its
 * own. Opened on behalf of an identified guardian or ombud (decision 0089), the request's audit
 * rows about the person name them.
 */
export async function personScopeOf(
  ctx: RequestContext,
  policy: AccessPolicy,
  personalNumber: string,
  partyId: string,
): Promise<ReaderScope> {
  const scope = await readerScopeOf(ctx, policy);
  const secret = scope.secret ?? [];
  if (!secret.length) return scope;
  const principal = principalOf(ctx);
  const departmentOf = new Map(ctx.reads.plugins.map((p) => [p.id, p.department]));
  const closed: string[] = [];
  const represented: string[] = [];
  const reasons: Record<string, string> = {};
  for (const id of secret) {
    const decision = await policy.identification.decide(principal, personalNumber, departmentOf.get(id)!);
    if (decision.open) {
      if (decision.onBehalfOf) {
        auditTrailOf(ctx).representing(partyId, decision.onBehalfOf);
        // Opened on the caller's custody or power: the plugin may still close it to them (SDK 4.4).
        represented.push(id);
      }
      continue;
    }
    closed.push(id);
    if (decision.reason) reasons[id] = representativeRefusedReason(decision.reason);
  }
  if (!closed.length) return represented.length ? { ...scope, representedIn: represented } : scope;
  const told = [...new Set(Object.values(reasons))];
  if (told.length) auditTrailOf(ctx).refuse(partyId, told.join(' '), ['callerNotIdentified']);
  return {
    ...scope,
    permitted: scope.permitted.filter((id) => !closed.includes(id)),
    secret: secret.filter((id) => !closed.includes(id)),
    identificationWithheld: closed,
    withheldReasons: { ...scope.withheldReasons, ...reasons },
    ...(represented.length ? { representedIn: represented } : {}),
  };
}

/**
 * For a lookup or an action done on a representation: refused (FORBIDDEN with the plugin's
 * Swedish reason, audited) when the plugin closes the person's answer to representatives (SDK 4.4
 * `closedToRepresentatives`, e.g. sekretess mot vårdnadshavare), and failed, never run, when the
 * department cannot answer whether it does (fail closed).
 */
export async function assertOpenToRepresentative(
  ctx: RequestContext,
  pluginId: string,
  personalNumber: string,
  partyId: string,
  field: string,
): Promise<void> {
  const closure = await ctx.reads.representativeClosure(pluginId, personalNumber);
  if (closure.state === 'open') return;
  if (closure.state === 'unknown') throw sourceError(closure.failure);
  ctx.reads.refuseOnce(auditTrailOf(ctx), partyId, pluginId, closure.reason, field);
  throw forbidden(closure.reason);
}

/**
 * For a lookup or an action about a person in a secrecy department: refused (and the refusal
 * audited) unless the person on the line is identified for this reader (decision 0076), or
 * represents the person (decision 0089; then audited on their behalf, and refused when the
 * plugin closes the person's answer to representatives: `assertOpenToRepresentative`).
 */
export async function assertCallerIdentified(
  ctx: RequestContext,
  policy: AccessPolicy,
  plugin: { id: string; department: string },
  personalNumber: string,
  partyId: string,
  field: string,
): Promise<void> {
  const { department } = plugin;
  if (!policy.isSecret(department)) return;
  const decision = await policy.identification.decide(principalOf(ctx), personalNumber, department);
  if (decision.open) {
    if (decision.onBehalfOf) {
      auditTrailOf(ctx).representing(partyId, decision.onBehalfOf);
      await assertOpenToRepresentative(ctx, plugin.id, personalNumber, partyId, field);
    }
    return;
  }
  auditTrailOf(ctx).record(partyId, [], ['callerNotIdentified']);
  if (decision.reason) {
    const reason = representativeRefusedReason(decision.reason);
    auditTrailOf(ctx).refuse(partyId, reason, ['callerNotIdentified']);
    throw forbidden(`${reason} (${department})`);
  }
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
  const scope = await personScopeOf(ctx, policy, personalNumber, partyId);
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
