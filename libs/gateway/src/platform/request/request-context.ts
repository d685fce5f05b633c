import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditTrail, FrontdoorError, PersonRequestReader, ReaderScope } from '@frontdoor/core';
import type { Principal } from '../auth/principal';

/** Everything one GraphQL request carries from resolver to resolver. */
export interface RequestContext {
  req: FastifyRequest;
  reply: FastifyReply;
  requestId: string;
  /** Set by the guard once the token is verified. */
  principal?: Principal;
  /** This request's person reads: one fetch per (plugin, person), audited into `audit`. */
  reads: PersonRequestReader;
  /** Department failures to report beside partial data, each at its `path` (ResponsePlugin adds them). */
  sourceErrors: FrontdoorError[];
  /** What the reader may see (departments with mandate ≥ 1, protected whereabouts), decided once. */
  readerScope?: Promise<ReaderScope>;
  /** Whether a purpose from the configured list was given (`why`): opens `access.purpose.requiredIn` departments. */
  purposeFromList?: boolean;
  /** Created on the first read of a person's data; flushed before the answer leaves. */
  audit?: AuditTrail;
}

/** The verified caller of a request the guard let through (a programming error before it ran). */
export function principalOf(ctx: Pick<RequestContext, 'principal'>): Principal {
  if (!ctx.principal) throw new Error('No principal: the guard has not run for this request.');
  return ctx.principal;
}
