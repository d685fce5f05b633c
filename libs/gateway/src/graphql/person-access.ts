import { AuditTrail, forbidden, samePerson } from '@frontdoor/core';
import type { Principal } from '../auth/principal';
import type { RequestContext } from './request-context';

/** A citizen may read only themselves; staff roles any person (mandates refine this per department). */
export function assertMayReadPerson(principal: Principal, personalNumber: string): void {
  if (principal.role === 'citizen' && !samePerson(principal.subject, personalNumber)) {
    throw forbidden('A citizen may only read their own data.');
  }
}

/** The request's audit trail, created on first use. */
export function auditTrailOf(ctx: RequestContext): AuditTrail {
  if (!ctx.principal) throw new Error('audit before authentication');
  ctx.audit ??= new AuditTrail({ subject: ctx.principal.subject, role: ctx.principal.role }, ctx.requestId);
  return ctx.audit;
}
