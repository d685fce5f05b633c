import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import type { AuditTrail, PersonSourceReader } from '@frontdoor/core';
import type { Principal } from '../auth/principal';

/** Everything one GraphQL request carries from resolver to resolver. */
export interface RequestContext {
  req: FastifyRequest;
  reply: FastifyReply;
  requestId: string;
  /** Set by the guard once the token is verified. */
  principal?: Principal;
  /** One fetch per (plugin, person) for the whole request. */
  sources: PersonSourceReader;
  /** Department failures to report beside partial data (see SourceErrorsPlugin). */
  sourceErrors: GraphQLError[];
  /** Which plugins the reader may have answers from (mandate ≥ 1), decided on first need. */
  permittedPlugins?: Promise<{ permitted: string[]; withheld: string[] }>;
  /** Created on the first read of a person's data; flushed before the answer leaves. */
  audit?: AuditTrail;
}
