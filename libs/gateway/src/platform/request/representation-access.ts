import {
  ErrorCode,
  FrontdoorError,
  parsePersonalNumber,
  basisKey,
  type OpenedPerson,
  type ReaderScope,
  type Representation,
  type Representations,
} from '@frontdoor/core';
import type { AccessPolicy } from '../access/access-policy';
import type { Principal } from '../auth/principal';
import type { Person } from '../schema/person.type';
import { auditTrailOf } from './person-access';
import { type RequestContext, principalOf } from './request-context';

/** The signed-in citizen's own personal number (the e-ID claim; older tokens named it in sub). */
export function ownPersonalNumber(principal: Principal): string {
  return parsePersonalNumber(principal.personalNumber ?? principal.subject, 'sub').value;
}

/**
 * What a representative may see of the subject, decided on this request (never kept beyond
 * it): per department, custody or a power (Representations), within what the citizen role
 * itself may read. Departments outside it are WITHHELD with the reason. Whereabouts are
 * blanked and secret matters withheld for a protected subject, as for an uncleared reader.
 */
export async function representativeScope(
  ctx: RequestContext,
  policy: AccessPolicy,
  representations: Representations,
  subjectPn: string,
): Promise<{ scope: ReaderScope; decisions: Map<string, Representation> }> {
  const principal = principalOf(ctx);
  const plugins = ctx.reads.plugins;
  const departments = [...new Set(plugins.map((p) => p.department))];
  const [decisions, levels] = await Promise.all([
    representations.decide(ownPersonalNumber(principal), subjectPn, departments, undefined, (pn) =>
      ctx.reads.custody(pn),
    ),
    policy.mandatesIn(principal, departments),
  ]);
  const permitted: string[] = [];
  const withheld: string[] = [];
  const withheldReasons: Record<string, string> = {};
  for (const plugin of plugins) {
    const decision = decisions.get(plugin.department)!;
    if (decision.ok && levels.get(plugin.department)! >= 1) permitted.push(plugin.id);
    else {
      withheld.push(plugin.id);
      withheldReasons[plugin.id] = decision.ok ? 'Ingen behörighet för denna förvaltning.' : decision.reason;
    }
  }
  const secret = plugins.filter((p) => policy.isSecret(p.department) && permitted.includes(p.id));
  return {
    scope: {
      permitted,
      withheld,
      withheldReasons,
      seesProtectedWhereabouts: false,
      secret: secret.map((p) => p.id),
      readerKind: 'representative',
      // Every department here is read on custody or a power: a plugin may close its answer (SDK 4.4).
      representedIn: permitted,
    },
    decisions,
  };
}

/**
 * Opens the subject for a citizen reading on their behalf, or refuses (FORBIDDEN, the reason in
 * Swedish and `reason` the code) when no department is open to them; the refusal is audited.
 * Audit rows of the read say on whose behalf: the representative and the basis.
 */
export async function openAsRepresentative(
  ctx: RequestContext,
  policy: AccessPolicy,
  representations: Representations,
  subjectPn: string,
  partyId: string,
  prefetch: boolean,
): Promise<Person> {
  const principal = principalOf(ctx);
  const trail = auditTrailOf(ctx);
  const { scope, decisions } = await representativeScope(ctx, policy, representations, subjectPn);
  const granted = [...decisions.values()].filter((d) => d.ok);
  if (scope.permitted.length === 0) {
    const refusal = [...decisions.values()].find((d) => !d.ok);
    const reason = refusal && !refusal.ok ? refusal.reason : 'Du får inte läsa den här personens uppgifter.';
    trail.refuse(partyId, reason, ['lookup']);
    throw new FrontdoorError(ErrorCode.FORBIDDEN, reason, {
      reason: refusal && !refusal.ok ? refusal.code : 'NOT_REPRESENTATIVE',
    });
  }
  const bases = [...new Set(granted.map((d) => (d.ok ? basisKey(d.basis) : '')))].sort();
  trail.representing(partyId, {
    personalNumber: ownPersonalNumber(principal),
    name: principal.name ?? null,
    basis: bases.join(','),
  });
  // Every department outside the representation is a refusal, audited (one row: which, and why).
  if (scope.withheld.length)
    trail.refuse(
      partyId,
      [...new Set(scope.withheld.map((id) => scope.withheldReasons![id]!))].join(' '),
      scope.withheld,
    );
  const view: OpenedPerson = await ctx.reads.open(subjectPn, partyId, scope, trail, {
    prefetch,
    fieldGroup: 'lookup',
  });
  return { personalNumber: subjectPn, partyId, protectedIdentity: view.protectedIdentity, view };
}

/** The audit row's purpose of a representative's read when they give none. */
export const REPRESENTATIVE_PURPOSE = 'läser som vårdnadshavare eller ombud';
