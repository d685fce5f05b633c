import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import {
  PartyService,
  PurposeTies,
  badUserInput,
  parsePersonalNumber,
  sourceError,
  type LoadedPlugin,
} from '@frontdoor/core';
import {
  blankWhereabouts,
  checkInput,
  protectedPaths,
  runQueryAnswer,
  type AnyPluginQuery,
} from '@frontdoor/plugin-sdk';
import { AccessPolicy } from '../platform/access/access-policy';
import { Allow } from '../platform/guard/allow.decorator';
import {
  PURPOSE_DESCRIPTION,
  WHY_DESCRIPTION,
  assertCallerIdentified,
  assertPurposeFromList,
  auditTrailOf,
  recordPurpose,
} from '../platform/request/person-access';
import { PurposeInput } from '../platform/schema/purpose.types';
import { type RequestContext, principalOf } from '../platform/request/request-context';
import { defineResolverMethod, depsOf, generatedResolverClass } from './generated-resolver';
import { STAFF } from '../platform/auth/role-groups';
import { PluginHost } from '../platform/plugin-runtime/plugin-host';

/**
 * A top-level query a plugin declares (e.g. `buildingPermit(caseNumber:)`): arguments
 * validated by the plugin's schema, the call under the plugin's deadline and breaker, the
 * answer validated (the SDK's `runQueryAnswer`, as the contract kit runs it), every person it
 * concerns audited, and the declared whereabouts and place ids blanked when one of them is
 * protected. A query that finds by a place answers a reader without clearance as for a place
 * it does not know: a blanked answer would itself confirm that a protected person is there.
 */
export function createPluginQueryResolver(plugin: LoadedPlugin, query: AnyPluginQuery) {
  const Generated = generatedResolverClass(`${query.field}QueryResolver`, [
    PluginHost,
    PartyService,
    AccessPolicy,
    PurposeTies,
  ]);
  const method = query.field;
  const argNames = Object.keys(query.args.shape);
  // The hub's own argument: a plugin's argument of that name would be shadowed, so it is refused at start.
  for (const own of ['purpose', 'why'])
    if (argNames.includes(own))
      throw new Error(
        `Plugin ${plugin.id}: query ${query.field} may not declare an argument "${own}" (the hub's own).`,
      );
  const hidden = protectedPaths(query);
  const asksProtection = hidden.length > 0 || query.findsByPlace;

  const descriptor = defineResolverMethod(
    Generated.prototype,
    method,
    async function (this: unknown, ...params: unknown[]) {
      const [host, parties, policy, ties] = depsOf(this) as [
        PluginHost,
        PartyService,
        AccessPolicy,
        PurposeTies,
      ];
      const ctx = params[argNames.length + 2] as RequestContext;
      await policy.assertMandate(principalOf(ctx), plugin.department, query.mandate, query.field);
      const raw = Object.fromEntries(argNames.map((name, i) => [name, params[i] ?? undefined]));
      const args = checkInput(query.args, raw);
      if (!args.ok) throw badUserInput(args.message, args.field);
      // Why, as for a person lookup: required of staff where configured, before any department is asked.
      await recordPurpose(
        ctx,
        policy,
        {
          purpose: params[argNames.length] as string | null | undefined,
          why: params[argNames.length + 1] as PurposeInput | null | undefined,
        },
        ties,
      );
      assertPurposeFromList(ctx, policy, plugin.department);

      const runtime = host.runtime(plugin.id);
      const result = await runtime.call(`query:${query.field}`, (source) =>
        runQueryAnswer(query, source, args.value),
      );
      if (!result.ok) throw sourceError(result.failure);
      if (result.value === null) return null;
      const trail = auditTrailOf(ctx);
      let anyProtected = false;
      for (const subject of query.subjects(result.value)) {
        const personalNumber = parsePersonalNumber(subject).value;
        const party = await parties.partyFor(personalNumber);
        trail.record(party.id, [plugin.id], [query.field]);
        await assertCallerIdentified(ctx, policy, plugin, personalNumber, party.id, query.field);
        if (asksProtection) anyProtected ||= (await ctx.reads.protectedIdentity(personalNumber)).protected;
      }
      const redact = anyProtected && !policy.clearedForProtectedIdentity(principalOf(ctx));
      // Still audited above: the attempt on a protected person's place is on record.
      if (redact && query.findsByPlace) return null;
      const answer = redact ? blankWhereabouts(result.value, hidden) : result.value;
      return query.map(answer, runtime.todayInSweden());
    },
    argNames.length + 3,
  );

  argNames.forEach((name, index) => {
    const optional = (
      query.args.shape[name] as unknown as { safeParse(v: unknown): { success: boolean } }
    ).safeParse(undefined).success;
    Args(name, { type: () => String, nullable: optional })(Generated.prototype, method, index);
  });
  Args('purpose', { type: () => String, nullable: true, description: PURPOSE_DESCRIPTION })(
    Generated.prototype,
    method,
    argNames.length,
  );
  Args('why', { type: () => PurposeInput, nullable: true, description: WHY_DESCRIPTION })(
    Generated.prototype,
    method,
    argNames.length + 1,
  );
  Context()(Generated.prototype, method, argNames.length + 2);
  // Staff may use plugins' lookups at all; mandates per department refine it (AccessPolicy).
  Allow(...STAFF)(Generated.prototype, method, descriptor);
  Query(query.type, {
    name: query.field,
    nullable: true,
    description: `${query.description} From ${plugin.department} (${plugin.id}); mandate level ${query.mandate}.`,
  })(Generated.prototype, method, descriptor);
  Resolver()(Generated);
  return Generated;
}
